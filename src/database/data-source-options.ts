import type { DataSourceOptions } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Session } from '../sessions/session.entity.js';
import { RefreshToken } from '../sessions/refresh-token.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { IdempotencyKey } from '../tokens/idempotency-key.entity.js';
import { PasswordResetToken } from '../auth/password-reset-token.entity.js';
import { JobRun } from '../scheduler/job-run.entity.js';
import { WebhookOutboxEvent } from '../webhooks/webhook-outbox.entity.js';
import { MIGRATIONS } from './migrations/index.js';

export const ENTITIES = [
  User,
  Session,
  RefreshToken,
  AuditEvent,
  ApiToken,
  IdempotencyKey,
  PasswordResetToken,
  JobRun,
  WebhookOutboxEvent,
];

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: false,
    // A connection that cannot be had within 5 s fails the request with 503 instead of hanging.
    extra: { max: poolSize, application_name: 'tessera', connectionTimeoutMillis: 5_000 },
  };
}
