import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * A user's TOTP authenticator (at most one). Pending until confirmed with a first code; the
 * secret is sealed with a key derived from APP_SECRET and never stored in plain text.
 */
@Entity('totp_factors')
export class TotpFactor {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'totp_factors_pkey' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'totp_factors_user_id_fkey' })
  user?: Relation<User>;

  /** AES-256-GCM of the base32 secret (see common/crypto `seal`). */
  @Column({ name: 'secret_sealed', type: 'bytea' })
  secretSealed: Buffer;

  /** Null while the set-up waits for its first code. */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The last 30 s step a code was accepted for: a code of that step or an earlier one is refused. */
  @Column({ name: 'last_used_step', type: 'bigint', default: 0 })
  lastUsedStep: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
