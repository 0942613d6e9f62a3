import { Injectable } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import type { Tx } from '../database/unit-of-work.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import type { WebhookEvent } from './webhook-events.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';

/**
 * Records webhook events in the outbox, in the transaction of the change they report: a change
 * that rolls back reports nothing, and one that commits is reported even if the receiver is
 * down. Without WEBHOOK_URL it records nothing and costs nothing.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly dispatcher: WebhookDispatcher,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.webhookUrl !== undefined;
  }

  /**
   * Records `events` in `tx`; once it commits, the dispatcher sends at once. Events with a
   * dedupe key already recorded are skipped. Returns how many were recorded.
   */
  async enqueue(events: WebhookEvent[], tx: Tx): Promise<number> {
    if (!this.enabled || events.length === 0) return 0;
    const recorded = await this.outbox.insert(events, tx.manager);
    if (recorded > 0) tx.afterCommit(() => this.dispatcher.nudge());
    return recorded;
  }

  /**
   * Those of these dedupe keys already recorded: a module skips building events whose fact was
   * reported (an `enqueue` of them would skip them too, but only after building them).
   */
  recordedDedupeKeys(keys: readonly string[]): Promise<Set<string>> {
    return this.outbox.recordedDedupeKeys(keys);
  }

  /** For the purge: see {@link WebhookOutboxRepository.deleteFinishedBefore}. */
  deleteFinishedBefore(cutoff: Date, limit: number, dryRun: boolean): Promise<number> {
    return this.outbox.deleteFinishedBefore(cutoff, limit, dryRun);
  }
}
