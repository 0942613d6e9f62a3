import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sleep } from '../common/background/background-tasks.js';
import { AppConfig } from '../common/config/app-config.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';

/** What a purge deletes, by name in its counts. */
export type PurgeKind =
  'tokens' | 'sessions' | 'passwordResetTokens' | 'idempotencyKeys' | 'webhookEvents';

/** Delivered or given-up webhook events are kept this long, for inspection. */
const WEBHOOK_RETENTION_HOURS = 7 * 24;

interface PurgeTarget {
  table: string;
  /** Rows past retention: `$1` is the cut-off. Must match the table's purge index. */
  due: string;
  /** How many hours after their end rows are kept. */
  retentionHours: (config: AppConfig) => number;
}

/**
 * Nothing that is still active can match: an API token's end is the earlier of its expiry and
 * its revocation (a future revocation is a rotation's grace period), a session's the earliest of
 * revocation, idle and absolute expiry, and the cut-off is never later than now.
 */
const TARGETS: Record<Exclude<PurgeKind, 'webhookEvents'>, PurgeTarget> = {
  tokens: {
    table: 'api_tokens',
    due: 'LEAST(revoked_at, expires_at) < $1',
    retentionHours: (config) => config.tokenRetentionDays * 24,
  },
  sessions: {
    // Their refresh tokens go with them (ON DELETE CASCADE).
    table: 'sessions',
    due: 'LEAST(revoked_at, expires_at, idle_expires_at) < $1',
    retentionHours: (config) => config.sessionRetentionDays * 24,
  },
  passwordResetTokens: {
    // Single use and valid for minutes: a day after expiry, used or not, a link is history.
    table: 'password_reset_tokens',
    due: 'expires_at < $1',
    retentionHours: () => 24,
  },
  idempotencyKeys: {
    // A replay is promised for 24 hours.
    table: 'idempotency_keys',
    due: 'created_at < $1',
    retentionHours: () => 24,
  },
};

const NEVER = new AbortController().signal;

export interface PurgeOptions {
  dryRun?: boolean;
  /** Stops between batches (shutdown); what was deleted so far stays deleted. */
  signal?: AbortSignal;
}

/**
 * Deletes rows past their retention in batches of `PURGE_BATCH_SIZE`, each its own short
 * transaction, pausing `PURGE_BATCH_PAUSE_MS` between them: a purge of millions of rows holds no
 * lock for long and leaves the database room for the requests meanwhile. Rows locked by a
 * concurrent change are skipped, not waited for; the next run gets them.
 */
@Injectable()
export class PurgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksService,
    private readonly config: AppConfig,
  ) {}

  /** Deletes (or, dry, counts) the rows of `kind` due now. */
  async purge(kind: PurgeKind, options: PurgeOptions = {}): Promise<number> {
    if (kind === 'webhookEvents') {
      // The outbox's own statement: finished events only, never one still to be delivered.
      const cutoff = await this.cutoff(WEBHOOK_RETENTION_HOURS);
      if (options.dryRun) {
        return this.webhooks.deleteFinishedBefore(cutoff, Number.MAX_SAFE_INTEGER, true);
      }
      return this.inBatches(options, (limit) =>
        this.webhooks.deleteFinishedBefore(cutoff, limit, false),
      );
    }
    const target = TARGETS[kind];
    const cutoff = await this.cutoff(target.retentionHours(this.config));
    if (options.dryRun) {
      const [{ n }]: { n: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM ${target.table} WHERE ${target.due}`,
        [cutoff],
      );
      return n;
    }
    return this.inBatches(options, (limit) => this.deleteBatch(target, cutoff, limit));
  }

  /** One cut-off for a whole run, from the database's clock, which judges expiry too. */
  private async cutoff(retentionHours: number): Promise<Date> {
    const [{ cutoff }]: { cutoff: Date }[] = await this.dataSource.query(
      `SELECT now() - make_interval(hours => $1) AS cutoff`,
      [retentionHours],
    );
    return cutoff;
  }

  /** Runs `deleteBatch` until a batch comes back short, pausing in between. */
  private async inBatches(
    options: PurgeOptions,
    deleteBatch: (limit: number) => Promise<number>,
  ): Promise<number> {
    const batchSize = this.config.purgeBatchSize;
    let deleted = 0;
    for (;;) {
      const n = await deleteBatch(batchSize);
      deleted += n;
      if (n < batchSize || options.signal?.aborted) return deleted;
      if (this.config.purgeBatchPauseMs > 0) {
        await sleep(this.config.purgeBatchPauseMs, options.signal ?? NEVER);
      }
    }
  }

  private async deleteBatch(target: PurgeTarget, cutoff: Date, limit: number): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(
        `DELETE FROM ${target.table}
         WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM ${target.table} WHERE ${target.due}
           LIMIT $2 FOR UPDATE SKIP LOCKED))
           AND ${target.due}`,
        [cutoff, limit],
        true,
      );
      return result.affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}
