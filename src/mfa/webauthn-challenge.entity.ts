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

/** A WebAuthn challenge handed out for one ceremony; taken (deleted) by its first answer. */
@Entity('webauthn_challenges')
export class WebauthnChallenge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webauthn_challenges_pkey' })
  id: string;

  /** Null for a password-less sign-in, where the user is not known yet. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'webauthn_challenges_user_id_fkey' })
  user?: Relation<User>;

  /** `register`, `login` (password-less), `mfa` (second step of a login) or `step-up`. */
  @Column({ type: 'varchar', length: 16 })
  purpose: string;

  @Index('webauthn_challenges_challenge_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  challenge: string;

  @Index('webauthn_challenges_expires_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
