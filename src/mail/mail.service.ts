import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BackgroundTasks, sleep } from '../common/background/background-tasks.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import { MailTransport, type MailMessage } from './mail-transport.js';

/** Waits between attempts at one mail; a test may hand in shorter ones. */
export const MAIL_RETRY_DELAYS_MS = Symbol('mail-retry-delays');

/** Five attempts over about a minute and a half, then the mail is given up (and logged). */
const RETRY_DELAYS_MS = [1_000, 4_000, 16_000, 64_000];

@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly tasks: BackgroundTasks,
    @Optional()
    @Inject(MAIL_RETRY_DELAYS_MS)
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /**
   * Sends in the background and returns at once: the caller's answer never waits on the relay.
   * A refused attempt is logged and tried again after a back-off, a bounded number of times.
   * `kind` names the mail in logs, which never hold its content (links are secrets).
   */
  send(kind: string, message: MailMessage): void {
    const mailId = randomUUID();
    this.tasks.run(`mail:${kind}`, (stopping) => this.deliver(mailId, kind, message, stopping));
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  private async deliver(
    mailId: string,
    kind: string,
    message: MailMessage,
    stopping: AbortSignal,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.transport.deliver(message);
        if (attempt > 1) this.logger.log({ msg: 'Mail sent on a retry', mailId, kind, attempt });
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt - 1];
        const failure = { mailId, kind, attempt, err: describeError(error) };
        if (delay === undefined) {
          this.logger.error({ msg: 'Mail not sent: giving up', ...failure });
          return;
        }
        this.logger.warn({ msg: 'Mail not sent: will retry', retryInMs: delay, ...failure });
        if (!(await sleep(delay, stopping))) {
          this.logger.error({ msg: 'Mail not sent: shutting down before its retry', ...failure });
          return;
        }
      }
    }
  }
}
