import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { change } from '../database/returning.js';
import type { WebhookEvent, WebhookEventType, WebhookPayload } from './webhook-events.js';

/** A row claimed for one attempt. `attempts` counts this one, and fences the write of its outcome. */
export interface ClaimedEvent {
  id: string;
  type: WebhookEventType;
  payload: WebhookPayload;
  attempts: number;
}

interface ClaimedRow {
  id: string;
  event_type: WebhookEventType;
  payload: WebhookPayload;
  attempts: number;
}

/** The queries on `webhook_outbox`. */
@Injectable()
export class WebhookOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts in one statement; an event whose dedupe key is taken is skipped. Returns how many went in. */
  async insert(events: WebhookEvent[], m: EntityManager): Promise<number> {
    if (events.length === 0) return 0;
    const { rows } = await change(
      m,
      `INSERT INTO webhook_outbox (id, event_type, payload, dedupe_key)
       SELECT e.id, e.event_type, e.payload, e.dedupe_key
       FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, event_type varchar, payload jsonb, dedupe_key varchar)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        JSON.stringify(
          events.map((event) => ({
            id: event.payload.id,
            event_type: event.payload.type,
            payload: event.payload,
            dedupe_key: event.dedupeKey ?? null,
          })),
        ),
      ],
    );
    return rows.length;
  }

  /** Those of these dedupe keys that an event recorded (and not purged yet) holds. */
  async recordedDedupeKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { dedupe_key: string }[] = await this.dataSource.query(
      `SELECT dedupe_key FROM webhook_outbox WHERE dedupe_key = ANY($1::varchar[])`,
      [keys],
    );
    return new Set(rows.map((row) => row.dedupe_key));
  }

  /**
   * Takes up to `limit` due rows for this instance: rows another instance is claiming are
   * skipped, and each claimed row's next attempt moves `leaseSeconds` ahead before anything is
   * sent. No other instance takes it meanwhile, and if this one dies mid-send, the row is due
   * again once the lease ends.
   */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedEvent[]> {
    const { rows } = await change<ClaimedRow>(
      this.dataSource.manager,
      `UPDATE webhook_outbox o
         SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
         FROM (SELECT id FROM webhook_outbox
               WHERE next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT $1
               FOR UPDATE SKIP LOCKED) due
         WHERE o.id = due.id
         RETURNING o.id, o.event_type, o.payload, o.attempts`,
      [limit, leaseSeconds],
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.event_type,
      payload: row.payload,
      attempts: row.attempts,
    }));
  }

  /** Marks the attempt a success, unless the row was claimed again meanwhile (lease expired). */
  async delivered(event: ClaimedEvent): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_outbox
       SET delivered_at = now(), next_attempt_at = NULL, last_error = NULL
       WHERE id = $1 AND attempts = $2 AND delivered_at IS NULL`,
      [event.id, event.attempts],
    );
  }

  /** Records a failed attempt: due again after `retryInSeconds`, or given up when null. */
  async failed(event: ClaimedEvent, error: string, retryInSeconds: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_outbox
       SET last_error = $3,
           next_attempt_at = CASE WHEN $4::int IS NULL THEN NULL
                                  ELSE now() + make_interval(secs => $4::int) END,
           failed_at = CASE WHEN $4::int IS NULL THEN now() END
       WHERE id = $1 AND attempts = $2 AND delivered_at IS NULL`,
      [event.id, event.attempts, error.slice(0, 200), retryInSeconds],
    );
  }

  /**
   * Delivered or given-up rows finished before `cutoff`, at most `limit` of them: deleted, or
   * with `dryRun` only counted. Pending rows are never touched.
   */
  async deleteFinishedBefore(cutoff: Date, limit: number, dryRun: boolean): Promise<number> {
    const finished = `SELECT id FROM webhook_outbox
       WHERE created_at < $1 AND next_attempt_at IS NULL
         AND coalesce(delivered_at, failed_at) < $1
       ORDER BY created_at LIMIT $2`;
    if (dryRun) {
      const [{ n }]: { n: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM (${finished}) f`,
        [cutoff, limit],
      );
      return n;
    }
    const { affected } = await change(
      this.dataSource.manager,
      `DELETE FROM webhook_outbox WHERE id IN (${finished} FOR UPDATE SKIP LOCKED)`,
      [cutoff, limit],
    );
    return affected;
  }
}
