import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import type { WebhookEvent } from './webhook-events.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';

/**
 * Records webhook events in the outbox, in the transaction of the change they report: a change
 * that rolls back reports nothing, and one that commits is reported even if the receiver is
 * down. Without WEBHOOK_URL it records nothing and costs nothing.
 */
@Injectable()
export class WebhooksService implements EntitySubscriberInterface {
  /** Transactions that recorded events: once they commit, the dispatcher sends at once. */
  private readonly uncommitted = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly outbox: WebhookOutboxRepository,
    private readonly dispatcher: WebhookDispatcher,
    private readonly config: AppConfig,
  ) {
    if (this.enabled) dataSource.subscribers.push(this);
  }

  get enabled(): boolean {
    return this.config.webhookUrl !== undefined;
  }

  /**
   * Records `events` with `m`, the manager of the change's transaction. Events with a dedupe
   * key already recorded are skipped. Returns how many were recorded.
   */
  async enqueue(events: WebhookEvent[], m: EntityManager): Promise<number> {
    if (!this.enabled || events.length === 0) return 0;
    const recorded = await this.outbox.insert(events, m);
    const transaction = m.queryRunner;
    if (transaction?.isTransactionActive) this.uncommitted.add(transaction);
    else if (recorded > 0) this.dispatcher.nudge();
    return recorded;
  }

  /** For the purge: see {@link WebhookOutboxRepository.deleteFinishedBefore}. */
  deleteFinishedBefore(cutoff: Date, limit: number, dryRun: boolean): Promise<number> {
    return this.outbox.deleteFinishedBefore(cutoff, limit, dryRun);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const transaction = event.queryRunner;
    if (!transaction.isTransactionActive && this.uncommitted.delete(transaction)) {
      this.dispatcher.nudge();
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.uncommitted.delete(event.queryRunner);
  }
}
