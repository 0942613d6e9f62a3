import type { AuditAction, AuditTargetType } from './audit-event.entity.js';

/** Who acts, as far as the audit log is concerned. */
export interface AuditActor {
  userId: string | null;
  /** `leak_report`: the system, acting on an unauthenticated report of exposed secrets. */
  via:
    | 'session'
    | 'api_token'
    | 'password'
    | 'refresh_token'
    | 'reset_link'
    | 'leak_report'
    | 'system';
  /** The session or API token used, when `via` is one. */
  credentialId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** One event about one target. */
export interface AuditRecord {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  ownerId: string | null;
  /** The organization the target belongs to, if any. */
  orgId?: string | null;
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, via: 'system' };
