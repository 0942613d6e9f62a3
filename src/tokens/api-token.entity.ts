import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { QuotaPeriod } from '../usage/quota-period.js';
import { User } from '../users/user.entity.js';
import { tokenStatusAt, type TokenStatus } from './token-status.js';

/**
 * `revoked` by its owner, `self` by a request made with it, `admin`, `rotated` (its successor
 * took over), `leaked` (someone reported its secret as exposed).
 */
export type TokenRevokeReason = 'revoked' | 'self' | 'rotated' | 'admin' | 'leaked' | 'org_deleted';

/**
 * A personal API token. The secret itself is never stored: only its SHA-256, and its first
 * characters for display.
 */
@Entity('api_tokens')
@Index('api_tokens_user_created_idx', ['userId', 'createdAt', 'id'])
// On LEAST(revoked_at, expires_at), for the purge: an expression index, kept by the migration.
@Index('api_tokens_ended_idx', { synchronize: false })
// Admins' list across users, newest first.
@Index('api_tokens_created_idx', ['createdAt', 'id'])
// An active token's name is unique per user: a partial unique index, kept by the migration.
@Index('api_tokens_user_active_name_key', { synchronize: false })
// The same per organization, for its tokens.
@Index('api_tokens_org_active_name_key', { synchronize: false })
@Index('api_tokens_org_created_idx', ['orgId', 'createdAt', 'id'])
// Owned by a user or by an organization, never both.
@Check('api_tokens_owner_check', `("user_id" IS NULL) <> ("org_id" IS NULL)`)
// The tokens of a rotation lineage, for seeding its quota: a partial index, kept by the migration.
@Index('api_tokens_lineage_idx', { synchronize: false })
export class ApiToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_tokens_pkey' })
  id: string;

  /** The owning user; null for an organization's token. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_tokens_user_id_fkey' })
  user?: Relation<User>;

  /** The owning organization; null for a personal token. */
  @Column({ name: 'org_id', type: 'uuid', nullable: true })
  orgId: string | null;

  // Named, not imported: the organizations module builds on this one, never the reverse.
  @ManyToOne('Org', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'api_tokens_org_id_fkey' })
  org?: unknown;

  /** Who made an organization's token (null once that user is deleted, or for a personal one). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'api_tokens_created_by_fkey' })
  creator?: Relation<User>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** The first characters of the secret, to tell tokens apart. */
  @Column({ type: 'varchar', length: 8 })
  prefix: string;

  /** SHA-256 of the secret: the key of the per-request lookup. */
  @Index('api_tokens_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  /** Built-in scope names and the policy file's own. */
  @Column({ type: 'varchar', length: 100, array: true })
  scopes: string[];

  /** Canonical addresses and CIDR blocks; empty: any address. */
  @Column({ name: 'allowed_ips', type: 'varchar', length: 49, array: true })
  allowedIps: string[];

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Set when created with `expiresInDays`: a rotation gives the new token the same lifetime. */
  @Column({ name: 'lifetime_days', type: 'integer', nullable: true })
  lifetimeDays: number | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'last_used_ip', type: 'varchar', length: 45, nullable: true })
  lastUsedIp: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** When the token stops (stopped) working. In the future while a rotation's grace runs. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 16, nullable: true })
  revokeReason: TokenRevokeReason | null;

  /** The token's own limits, below the server's; null: the server's (`TOKEN_RATE_PER_*`). */
  @Column({ name: 'rate_per_minute', type: 'integer', nullable: true })
  ratePerMinute: number | null;

  @Column({ name: 'rate_per_hour', type: 'integer', nullable: true })
  ratePerHour: number | null;

  /** At most this many successful uses per `quotaPeriod`; null: no quota. */
  @Column({ name: 'quota_limit', type: 'integer', nullable: true })
  quotaLimit: number | null;

  @Column({ name: 'quota_period', type: 'varchar', length: 8, nullable: true })
  quotaPeriod: QuotaPeriod | null;

  /** The first token of its chain of rotations, whose quota it shares; null: this token. */
  @Column({ name: 'lineage_id', type: 'uuid', nullable: true })
  lineageId: string | null;

  /**
   * Whether this token no longer holds its name in the unique index of active names: set on an
   * expired token when a create or rename reuses its name (an index cannot read the clock).
   */
  @Column({ name: 'name_released', type: 'boolean', default: false })
  nameReleased: boolean;

  /**
   * Imported with its secret in the old form (not `tsr_`): only a presented string that is
   * neither a `tsr_` token nor a session token finds it, and a `tsr_` string never does.
   */
  @Column({ type: 'boolean', default: false })
  legacy: boolean;

  /** The id the system it was imported from knew it by. */
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  /** The token this one replaced by rotation. */
  @Column({ name: 'rotated_from_id', type: 'uuid', nullable: true })
  rotatedFromId: string | null;

  status(now = Date.now()): TokenStatus {
    return tokenStatusAt(this.revokedAt?.getTime() ?? null, this.expiresAt?.getTime() ?? null, now);
  }
}
