import { AuditEvent } from './audit/audit-event.entity.js';
import { PasswordResetToken } from './auth/password-reset-token.entity.js';
import { MfaChallenge } from './mfa/mfa-challenge.entity.js';
import { Passkey } from './mfa/passkey.entity.js';
import { RecoveryCode } from './mfa/recovery-code.entity.js';
import { TotpFactor } from './mfa/totp-factor.entity.js';
import { WebauthnChallenge } from './mfa/webauthn-challenge.entity.js';
import { JobLease } from './scheduler/job-lease.entity.js';
import { JobRun } from './scheduler/job-run.entity.js';
import { RefreshToken } from './sessions/refresh-token.entity.js';
import { Session } from './sessions/session.entity.js';
import { ApiToken } from './tokens/api-token.entity.js';
import { IdempotencyKey } from './tokens/idempotency-key.entity.js';
import { User } from './users/user.entity.js';
import { OrgInvitation } from './orgs/org-invitation.entity.js';
import { OrgMember } from './orgs/org-member.entity.js';
import { Org } from './orgs/org.entity.js';
import { WebhookOutboxEvent } from './webhooks/webhook-outbox.entity.js';

/** Every entity of the application, for its data source and the schema check. */
export const ENTITIES = [
  User,
  Session,
  RefreshToken,
  AuditEvent,
  ApiToken,
  IdempotencyKey,
  PasswordResetToken,
  JobRun,
  JobLease,
  WebhookOutboxEvent,
  TotpFactor,
  RecoveryCode,
  MfaChallenge,
  Passkey,
  WebauthnChallenge,
  Org,
  OrgMember,
  OrgInvitation,
];
