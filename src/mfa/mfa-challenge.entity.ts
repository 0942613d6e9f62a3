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

/**
 * A login whose password was right and which waits for a second factor: the `mfaToken` handed
 * out, by hash. Lives minutes, allows a few attempts, completes once.
 */
@Entity('mfa_challenges')
export class MfaChallenge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mfa_challenges_pkey' })
  id: string;

  @Index('mfa_challenges_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'mfa_challenges_user_id_fkey' })
  user?: Relation<User>;

  /** SHA-256 of the password hash the login was checked against: a password change ends it. */
  @Column({ name: 'password_fingerprint', type: 'bytea' })
  passwordFingerprint: Buffer;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Index('mfa_challenges_expires_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
