import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { describeError } from '../errors/http-exception.filter.js';

/**
 * Work done after the answer has gone (a mail, say). Each task is tracked: its failure is
 * logged, never an unhandled rejection, and shutdown waits for it.
 */
@Injectable()
export class BackgroundTasks implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackgroundTasks.name);
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  /**
   * Starts `work` now, without waiting for it. Its signal aborts when the application begins
   * to shut down: a task should then stop waiting (a retry's back-off) and finish.
   */
  run(name: string, work: (signal: AbortSignal) => Promise<void>): void {
    const task = (async () => {
      try {
        // Not even the work's synchronous start runs before the caller has answered.
        await new Promise((resolve) => setImmediate(resolve));
        await work(this.stopping.signal);
      } catch (error) {
        this.logger.error({ msg: 'Background task failed', task: name, err: describeError(error) });
      }
    })();
    this.running.add(task);
    void task.then(() => this.running.delete(task));
  }

  /** Resolves once no task runs, including tasks started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /**
   * Before the shutdown hooks proper, which close the database connections the tasks may still
   * need. Tasks started from here on see an aborted signal from the start.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.idle();
  }
}

/** Waits `ms`, or less if `signal` aborts first; tells whether the whole wait went by. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
