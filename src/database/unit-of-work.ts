import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** What runs after a commit: drop a cache entry, publish on the bus, nudge a dispatcher. */
export type AfterCommit = () => unknown;

/** One use case's transaction: its manager, and the work to do once it has committed. */
export interface Tx {
  readonly manager: EntityManager;
  /** Runs `action` after the commit (never on a rollback); a failure there is logged only. */
  afterCommit(action: AfterCommit): void;
}

/**
 * The one transaction shape. The service that owns a use case opens it, makes every change and
 * writes the audit events with `tx.manager`, and registers what other parts of the system must
 * learn of the change as after-commit actions: no instance drops a cache entry for a change that
 * then rolls back, and no cache refills from a row not yet committed.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a new transaction, or in `outer` when the caller already opened one. */
  async run<T>(work: (tx: Tx) => Promise<T>, outer?: Tx): Promise<T> {
    if (outer) return work(outer);
    const actions: AfterCommit[] = [];
    const result = await this.dataSource.transaction((manager) =>
      work({ manager, afterCommit: (action) => actions.push(action) }),
    );
    for (const action of actions) {
      try {
        await action();
      } catch (error) {
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'After-commit action failed',
        );
      }
    }
    return result;
  }

  /** The manager for reads outside any transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
