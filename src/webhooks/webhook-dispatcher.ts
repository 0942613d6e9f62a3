import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import { WebhookOutboxRepository, type ClaimedEvent } from './webhook-outbox.repository.js';
import { retryDelaySeconds } from './webhook-retry.js';
import { signatureHeader } from './webhook-signature.js';

/** Rows claimed, and sent concurrently, at a time. */
const BATCH = 20;
/** How long shutdown waits for requests in flight before it cuts them off (they are retried). */
const SHUTDOWN_GRACE_MS = 5_000;
/** A claim holds a row this much longer than a request may take. */
const LEASE_MARGIN_SECONDS = 60;

/**
 * Sends the outbox to WEBHOOK_URL: every WEBHOOK_POLL_SECONDS, and at once when a change that
 * recorded events commits on this instance. Rows are claimed with a lease (see
 * {@link WebhookOutboxRepository.claim}), so several instances share the work and never send
 * one event at the same time.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly cutOff = new AbortController();
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopping = false;

  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.webhookUrl) return;
    this.timer = setInterval(() => this.nudge(), this.config.webhookPollSeconds * 1000);
    this.timer.unref();
    // Whatever an earlier run left due.
    this.nudge();
  }

  /** No new claims; requests in flight get a few seconds, then are cut off and retried later. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    if (!this.draining) return;
    // Shorter than a request's own timeout, which would count against the receiver.
    const grace = Math.min(SHUTDOWN_GRACE_MS, this.config.webhookTimeoutSeconds * 500);
    const timer = setTimeout(() => this.cutOff.abort(), grace);
    await this.draining;
    clearTimeout(timer);
  }

  /** Sends what is due now, or soon after the sending under way. */
  nudge(): void {
    if (this.stopping || !this.config.webhookUrl) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) =>
        this.logger.error({ msg: 'Could not send webhooks', err: describeError(error) }),
      )
      .finally(() => {
        this.draining = undefined;
        if (this.again) this.nudge();
      });
  }

  private async drain(): Promise<void> {
    const lease = this.config.webhookTimeoutSeconds + LEASE_MARGIN_SECONDS;
    do {
      this.again = false;
      let batch: ClaimedEvent[];
      do {
        batch = await this.outbox.claim(BATCH, lease);
        await Promise.all(batch.map((event) => this.attemptLogged(event)));
      } while (batch.length === BATCH && !this.stopping);
    } while (this.again && !this.stopping);
  }

  /** An outcome that cannot be written leaves the row leased: it is tried again after the lease. */
  private async attemptLogged(event: ClaimedEvent): Promise<void> {
    try {
      await this.attempt(event);
    } catch (error) {
      this.logger.error({
        msg: 'Could not record a webhook attempt',
        eventId: event.id,
        err: describeError(error),
      });
    }
  }

  private async attempt(event: ClaimedEvent): Promise<void> {
    const { id, type, createdAt, data } = event.payload;
    // The top-level fields in their documented order (jsonb keeps its own).
    const body = JSON.stringify({ id, type, createdAt, data });
    const log = { eventId: event.id, type: event.type, attempt: event.attempts };
    let failure: string | undefined;
    let status: number | undefined;
    try {
      const response = await fetch(this.config.webhookUrl!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tessera-Webhooks/1',
          'tessera-event-id': event.id,
          'tessera-event-type': event.type,
          'tessera-delivery-attempt': String(event.attempts),
          'tessera-signature': signatureHeader(
            this.config.webhookSecret!,
            body,
            Math.floor(Date.now() / 1000),
          ),
        },
        body,
        // A redirect is a misconfigured receiver, not a place to send signed events to.
        redirect: 'manual',
        signal: AbortSignal.any([
          AbortSignal.timeout(this.config.webhookTimeoutSeconds * 1000),
          this.cutOff.signal,
        ]),
      });
      await response.body?.cancel();
      status = response.status;
      if (!response.ok) failure = `HTTP ${status}`;
    } catch (error) {
      failure = this.failureOf(error);
    }
    if (failure === undefined) {
      await this.outbox.delivered(event);
      this.logger.debug({ msg: 'Webhook delivered', ...log, status });
      return;
    }
    await this.failed(event, failure, log);
  }

  private async failed(
    event: ClaimedEvent,
    failure: string,
    log: Record<string, unknown>,
  ): Promise<void> {
    if (this.cutOff.signal.aborted) {
      // Not the receiver's fault: due again at once, for another instance or the next start.
      await this.outbox.failed(event, failure, 0);
      return;
    }
    if (event.attempts >= this.config.webhookMaxAttempts) {
      await this.outbox.failed(event, failure, null);
      this.logger.warn({ msg: 'Webhook given up after its last attempt', ...log, failure });
      return;
    }
    const retryIn = retryDelaySeconds(event.attempts, this.config.webhookRetryBaseSeconds);
    await this.outbox.failed(event, failure, retryIn);
    this.logger.log({ msg: 'Webhook not delivered: will retry', ...log, failure, retryIn });
  }

  /** A short reason, with no URL (it may carry a token of the receiver's) and no secret. */
  private failureOf(error: unknown): string {
    // Duck-typed: fetch's errors (DOMException among them) may come from another realm.
    const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
    if (name === 'TimeoutError') return `no answer within ${this.config.webhookTimeoutSeconds} s`;
    if (name === 'AbortError') return 'cut off by shutdown';
    if (typeof cause?.code === 'string') return cause.code;
    return typeof name === 'string' ? name.slice(0, 100) : 'request failed';
  }
}
