import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of one user. The response it replays holds a plaintext token, so it is
 * kept only sealed under a key derived from the Idempotency-Key itself and a server secret.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_idx', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'idempotency_keys_pkey',
  })
  userId: string;

  /** HMAC of the key the client sent: the key itself unlocks the stored response. */
  @PrimaryColumn({
    name: 'key_hash',
    type: 'bytea',
    primaryKeyConstraintName: 'idempotency_keys_pkey',
  })
  keyHash: Buffer;

  /** SHA-256 of the canonical request body. */
  @Column({ name: 'request_hash', type: 'bytea' })
  requestHash: Buffer;

  /** Which request holds the key: only that one may store its response. */
  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  /** Null while the first request is in flight. */
  @Column({ name: 'response', type: 'bytea', nullable: true })
  response: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
