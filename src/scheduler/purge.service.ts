import { Injectable } from '@nestjs/common';
import { AUDIT_EVENTS_PURGE } from '../audit/audit.repository.js';
import { PASSWORD_RESET_TOKENS_PURGE } from '../auth/password-reset-tokens.repository.js';
import { sleep } from '../common/background/background-tasks.js';
import { AppConfig } from '../common/config/app-config.js';
import { TablePurger, type PurgeTarget as TableTarget } from '../database/purge.js';
import { MFA_CHALLENGES_PURGE } from '../mfa/mfa-challenges.repository.js';
import { WEBAUTHN_CHALLENGES_PURGE } from '../mfa/passkeys.repository.js';
import { SESSIONS_PURGE } from '../sessions/sessions.repository.js';
import { API_TOKENS_PURGE } from '../tokens/api-tokens.repository.js';
import { IDEMPOTENCY_KEYS_PURGE } from '../tokens/idempotency-keys.repository.js';
import { TOKEN_USAGE_PURGE } from '../usage/token-usage.repository.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';

/** What a purge deletes, by name in its counts. */
export type PurgeKind =
  | 'tokens'
  | 'sessions'
  | 'passwordResetTokens'
  | 'idempotencyKeys'
  | 'webhookEvents'
  | 'auditEvents'
  | 'tokenUsage'
  | 'mfaChallenges'
  | 'webauthnChallenges';

/** Delivered or given-up webhook events are kept this long, for inspection. */
const WEBHOOK_RETENTION_HOURS = 7 * 24;

interface PurgeTarget {
  /** The rows past retention, as the table's repository defines them. */
  rows: TableTarget;
  /** How many hours after their end rows are kept. */
  retentionHours: (config: AppConfig) => number;
}

/**
 * Nothing that is still active can match: each owner's condition is on the row's end, and the
 * cut-off is never later than now.
 */
const TARGETS: Record<Exclude<PurgeKind, 'webhookEvents'>, PurgeTarget> = {
  tokens: { rows: API_TOKENS_PURGE, retentionHours: (config) => config.tokenRetentionDays * 24 },
  sessions: { rows: SESSIONS_PURGE, retentionHours: (config) => config.sessionRetentionDays * 24 },
  // A day after expiry, used or not.
  passwordResetTokens: { rows: PASSWORD_RESET_TOKENS_PURGE, retentionHours: () => 24 },
  // A replay is promised for 24 hours.
  idempotencyKeys: { rows: IDEMPOTENCY_KEYS_PURGE, retentionHours: () => 24 },
  auditEvents: {
    rows: AUDIT_EVENTS_PURGE,
    retentionHours: (config) => config.auditRetentionDays * 24,
  },
  // Hourly usage counts, after USAGE_RETENTION_DAYS from their hour.
  tokenUsage: {
    rows: TOKEN_USAGE_PURGE,
    retentionHours: (config) => config.usageRetentionDays * 24,
  },
  // Second-step and passkey challenges, once expired: nothing can answer them any more.
  mfaChallenges: { rows: MFA_CHALLENGES_PURGE, retentionHours: () => 0 },
  webauthnChallenges: { rows: WEBAUTHN_CHALLENGES_PURGE, retentionHours: () => 0 },
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
    private readonly purger: TablePurger,
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
      return this.purger.countDue(target.rows, cutoff);
    }
    return this.inBatches(options, (limit) => this.deleteBatch(target, cutoff, limit));
  }

  /** One cut-off for a whole run, from the database's clock, which judges expiry too. */
  private async cutoff(retentionHours: number): Promise<Date> {
    return this.purger.cutoffBefore(retentionHours);
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

  private deleteBatch(target: PurgeTarget, cutoff: Date, limit: number): Promise<number> {
    return this.purger.deleteDueBatch(target.rows, cutoff, limit);
  }
}
