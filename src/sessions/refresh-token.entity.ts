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
import { Session } from './session.entity.js';

/**
 * Every refresh token a session was ever given, by hash. Keeping the replaced ones is what lets
 * a replayed old token be recognised: within the grace window it gets its successor again,
 * after it the whole session is revoked.
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'refresh_tokens_pkey' })
  id: string;

  @Index('refresh_tokens_session_idx')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'refresh_tokens_session_id_fkey' })
  session?: Relation<Session>;

  /** SHA-256 of the token; the token itself is never stored. */
  @Index('refresh_tokens_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  /**
   * The pair issued when this token was rotated, encrypted under a key derived from this
   * token itself: only whoever presents it again can read it, a database dump alone cannot.
   */
  @Column({ type: 'bytea', nullable: true })
  successor: Buffer | null;
}
