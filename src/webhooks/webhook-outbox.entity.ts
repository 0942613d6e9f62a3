import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WebhookEventType } from './webhook-events.js';

/**
 * One webhook event, written in the transaction of the change it reports and sent from here
 * afterwards: an event is never lost to a receiver that is down, nor sent for a change that
 * rolled back. A row is pending while `nextAttemptAt` is set, then delivered or given up.
 */
@Entity('webhook_outbox')
export class WebhookOutboxEvent {
  /** The event id, also in the payload and the `Tessera-Event-Id` header. */
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'webhook_outbox_pkey' })
  id: string;

  @Column({ name: 'event_type', type: 'varchar', length: 48 })
  eventType: WebhookEventType;

  /** The JSON body sent, less the signature. Never holds a secret. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Makes an event that may be produced twice (a job on two instances) recorded once. */
  @Index('webhook_outbox_dedupe_key_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Index('webhook_outbox_created_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Attempts made, or begun: a claim counts one before the request goes out. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /**
   * When the next attempt is due; while one runs, when its lease ends. Null once delivered
   * or given up, so that the index of due rows holds only pending ones in its range.
   */
  @Index('webhook_outbox_due_idx')
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true, default: () => 'now()' })
  nextAttemptAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Set when given up after the last attempt; the row stays for inspection until purged. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** Why the last attempt failed: a status code or an error code, never a URL or a secret. */
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError: string | null;
}
