import type { Env, EnvReader } from './env-reader.js';

/**
 * How long ended rows are kept and how the purge deletes them; the bootstrap admin.
 * (The job schedules are the scheduler's: scheduler/scheduler-config.ts.)
 */
export interface RetentionConfig {
  readonly tokenRetentionDays: number;
  readonly sessionRetentionDays: number;
  /** Audit events are deleted this many days after they happened. */
  readonly auditRetentionDays: number;
  /** API tokens' hourly usage counts are deleted this many days after their hour. */
  readonly usageRetentionDays: number;
  /** Rows deleted per statement: each batch is its own short transaction. */
  readonly purgeBatchSize: number;
  /** Pause between batches, leaving the database to the requests. */
  readonly purgeBatchPauseMs: number;
  /** The first admin, created at start-up when no account has this email yet. */
  readonly adminEmail?: string;
  readonly adminPassword?: string;
}

/** Retention and purge batches; the bootstrap admin. */
export function readRetentionConfig(
  read: EnvReader,
  env: Env,
  problems: string[],
): RetentionConfig {
  const adminEmail = read.string('ADMIN_EMAIL', '') || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither');
  }
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    problems.push('ADMIN_EMAIL must be an email address');
  }
  if (adminPassword !== undefined && (adminPassword.length < 8 || adminPassword.length > 128)) {
    problems.push('ADMIN_PASSWORD must be 8 to 128 characters long');
  }
  return {
    tokenRetentionDays: read.int('TOKEN_RETENTION_DAYS', 7, 0, 3650),
    sessionRetentionDays: read.int('SESSION_RETENTION_DAYS', 7, 0, 3650),
    auditRetentionDays: read.int('AUDIT_RETENTION_DAYS', 365, 1, 36500),
    usageRetentionDays: read.int('USAGE_RETENTION_DAYS', 90, 1, 36500),
    purgeBatchSize: read.int('PURGE_BATCH_SIZE', 2000, 1, 100_000),
    purgeBatchPauseMs: read.int('PURGE_BATCH_PAUSE_MS', 10, 0, 10_000),
    adminEmail,
    adminPassword,
  };
}
