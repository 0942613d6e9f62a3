import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'user.registered',
  'user.created',
  'user.password_changed',
  'user.password_reset',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'session.created',
  'session.revoked',
  'session.refresh_reuse',
  'token.created',
  'token.updated',
  'token.rotated',
  'token.revoked',
  'token.deleted',
  'token.imported',
  'job.run',
  'mfa.totp_enabled',
  'mfa.totp_disabled',
  'mfa.recovery_code_used',
  'mfa.passkey_added',
  'mfa.passkey_removed',
  'session.stepped_up',
  'org.created',
  'org.updated',
  'org.deleted',
  'org.member_added',
  'org.member_role_changed',
  'org.member_removed',
  'org.invitation_created',
  'org.invitation_withdrawn',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = ['user', 'session', 'token', 'job', 'org'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * Who did what to which credential, when and from where. Written in the transaction of the
 * change it records, so the log and the data cannot disagree. Never holds a secret.
 */
@Entity('audit_events')
@Index('audit_events_occurred_idx', ['occurredAt', 'id'])
@Index('audit_events_actor_idx', ['actorId', 'occurredAt'])
@Index('audit_events_target_idx', ['targetId', 'occurredAt'])
@Index('audit_events_org_idx', ['orgId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_events_pkey' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 48 })
  action: AuditAction;

  /** The user who acted; null for the system (expiry, a job). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The credential the actor used: `session`, `api_token`, `password`, `reset_link`… */
  @Column({ name: 'actor_via', type: 'varchar', length: 16, nullable: true })
  actorVia: string | null;

  /** The session or API token the actor used, when it was one. */
  @Column({ name: 'actor_credential_id', type: 'uuid', nullable: true })
  actorCredentialId: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: AuditTargetType;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId: string | null;

  /** The user the target belongs to. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** The organization the target belongs to, if any. */
  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  /** Non-secret facts about the change (a revoke reason, changed field names, scopes). */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
