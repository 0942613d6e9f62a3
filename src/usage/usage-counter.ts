import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import { TokenUsageRepository, type UsageCounts } from './token-usage.repository.js';

/** `VALID`, or the code the use was refused with. */
export type UsageOutcome = string;

export const HOUR_MS = 3_600_000;

/** Counts of one hour: token id → outcome → uses. */
type HourCounts = Map<string, Map<UsageOutcome, number>>;

/** A batch the database keeps refusing is dropped after this many flushes, not retried forever. */
const MAX_ATTEMPTS = 3;

/**
 * Counts every use of an API token per token, UTC hour and outcome in memory, and adds the
 * counts to the database every USAGE_FLUSH_SECONDS in one upsert, and once more at shutdown.
 * A use costs a few map look-ups and no I/O; a new map only for the first use of a token in an
 * hour (or of an outcome). A kill -9 loses the counts since the last flush.
 */
@Injectable()
export class UsageCounter
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(UsageCounter.name);
  /** Hour number (ms since the epoch / 1 h) → its counts. */
  private pending = new Map<number, HourCounts>();
  /** The hour most uses fall in, kept at hand so that a use needs no look-up of its hour. */
  private currentHour = -1;
  private current: HourCounts = new Map();
  private failures = 0;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<number>;

  constructor(
    private readonly usage: TokenUsageRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.usageFlushSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushAll();
  }

  /** Uses of requests that finished while the server was closing, if the database is still up. */
  async onApplicationShutdown(): Promise<void> {
    if (this.pending.size > 0 && this.usage.available) await this.flushAll();
  }

  /** One use of the token at `at` (ms), with its outcome. */
  count(tokenId: string, outcome: UsageOutcome, at: number): void {
    const hour = Math.floor(at / HOUR_MS);
    const counts = hour === this.currentHour ? this.current : this.hourCounts(hour);
    let byOutcome = counts.get(tokenId);
    if (byOutcome === undefined) {
      byOutcome = new Map();
      counts.set(tokenId, byOutcome);
    }
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  }

  /** Whether uses are waiting to be written. */
  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Writes everything counted so far, including what a flush already running does not hold:
   * a read after this sees every use this instance has counted.
   */
  async flushAll(): Promise<void> {
    for (let i = 0; i < MAX_ATTEMPTS + 1 && (this.pending.size > 0 || this.flushing); i++) {
      await this.flush();
    }
  }

  /** Writes the counts since the last flush; returns how many rows it added to. */
  flush(): Promise<number> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private hourCounts(hour: number): HourCounts {
    let counts = this.pending.get(hour);
    if (counts === undefined) {
      counts = new Map();
      this.pending.set(hour, counts);
    }
    // Uses arrive in time order but for the odd late one: keep the newest hour at hand.
    if (hour >= this.currentHour) {
      this.currentHour = hour;
      this.current = counts;
    }
    return counts;
  }

  private async write(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    this.currentHour = -1;
    const rows: UsageCounts = { tokenIds: [], hours: [], outcomes: [], counts: [] };
    for (const [hour, byToken] of batch) {
      const start = new Date(hour * HOUR_MS);
      for (const [tokenId, byOutcome] of byToken) {
        for (const [outcome, count] of byOutcome) {
          rows.tokenIds.push(tokenId);
          rows.hours.push(start);
          rows.outcomes.push(outcome);
          rows.counts.push(count);
        }
      }
    }
    try {
      await this.usage.add(rows);
      this.failures = 0;
      return rows.tokenIds.length;
    } catch (error) {
      this.failures++;
      const retry = this.failures < MAX_ATTEMPTS;
      if (retry) {
        // Kept for the next flush, added to what was counted meanwhile.
        for (let i = 0; i < rows.tokenIds.length; i++) {
          const byOutcome = this.hourCounts(rows.hours[i].getTime() / HOUR_MS);
          let counts = byOutcome.get(rows.tokenIds[i]);
          if (counts === undefined) {
            counts = new Map();
            byOutcome.set(rows.tokenIds[i], counts);
          }
          counts.set(rows.outcomes[i], (counts.get(rows.outcomes[i]) ?? 0) + rows.counts[i]);
        }
      } else {
        this.failures = 0;
      }
      this.logger.error(
        { err: describeError(error), rows: rows.tokenIds.length, retry },
        'Could not write API token usage',
      );
      return 0;
    }
  }
}
