import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

export type SessionRevokeReason =
  | 'logout'
  | 'logout_all'
  | 'revoked'
  | 'password_changed'
  | 'replaced_by_new_login'
  | 'refresh_token_reuse'
  | 'password_reset'
  | 'admin';

/** One login on one device. Its refresh tokens live in `refresh_tokens`, as hashes only. */
@Entity('sessions')
@Index('sessions_user_active_idx', ['userId', 'createdAt'], { where: '"revoked_at" IS NULL' })
// On LEAST(revoked_at, expires_at, idle_expires_at), for the purge: kept by the migration.
@Index('sessions_ended_idx', { synchronize: false })
export class Session {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sessions_pkey' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sessions_user_id_fkey' })
  user?: Relation<User>;

  @Column({ name: 'device_id', type: 'varchar', length: 200, nullable: true })
  deviceId: string | null;

  @Column({ name: 'device_name', type: 'varchar', length: 200, nullable: true })
  deviceName: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Last login or refresh: access tokens are stateless, so use between refreshes is not seen. */
  @Column({ name: 'last_used_at', type: 'timestamptz' })
  lastUsedAt: Date;

  /** Moves forward with each refresh, never past {@link expiresAt}. */
  @Column({ name: 'idle_expires_at', type: 'timestamptz' })
  idleExpiresAt: Date;

  /** Absolute end, fixed at login. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 32, nullable: true })
  revokeReason: SessionRevokeReason | null;

  /**
   * The scopes the OAuth token grant's `scope` narrowed the session to; its access tokens carry
   * those the user's role still grants. Null: every scope of the role.
   */
  @Column({ type: 'varchar', length: 100, array: true, nullable: true })
  scopes: string[] | null;

  /** When the user last proved who they are in this session (login or step-up): RFC 9470. */
  @Column({ name: 'auth_time', type: 'timestamptz', default: () => 'now()' })
  authTime: Date;

  isActive(now = new Date()): boolean {
    return !this.revokedAt && this.expiresAt > now && this.idleExpiresAt > now;
  }

  /** When the session ends if nothing more happens. */
  endsAt(): Date {
    return this.idleExpiresAt < this.expiresAt ? this.idleExpiresAt : this.expiresAt;
  }
}
