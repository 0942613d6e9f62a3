import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import { TokenLookupRepository } from './token-lookup.repository.js';

export interface LastUse {
  at: number;
  ip: string;
}

/** A batch the database keeps refusing is dropped after this many flushes, not retried forever. */
const MAX_ATTEMPTS = 3;

/**
 * Remembers the last use of each API token in memory and writes what changed every
 * LAST_USED_FLUSH_SECONDS in one statement, and once more at shutdown. A request never waits
 * on, or causes, a write (Sanctum's write per request is what its users see deadlock).
 */
@Injectable()
export class LastUsedTracker
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(LastUsedTracker.name);
  private pending = new Map<string, LastUse>();
  private failures = 0;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<number>;

  constructor(
    private readonly tokens: TokenLookupRepository,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.lastUsedFlushSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushAll();
  }

  /** Uses of requests that finished while the server was closing, if the database is still up. */
  async onApplicationShutdown(): Promise<void> {
    if (this.pending.size > 0 && this.tokens.available) await this.flushAll();
  }

  /** Flushes until nothing is pending (a flush already running does not include later uses). */
  private async flushAll(): Promise<void> {
    for (let i = 0; i < MAX_ATTEMPTS + 1 && (this.pending.size > 0 || this.flushing); i++) {
      await this.flush();
    }
  }

  touch(tokenId: string, ip: string, at = Date.now()): void {
    const use = this.pending.get(tokenId);
    if (use) {
      use.at = at;
      use.ip = ip;
    } else {
      this.pending.set(tokenId, { at, ip });
    }
  }

  /** A use not yet written, so that views read on this instance are current. */
  unwritten(tokenId: string): LastUse | undefined {
    return this.pending.get(tokenId);
  }

  /** Writes the uses seen since the last flush; returns how many tokens it updated. */
  flush(): Promise<number> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const ids: string[] = [];
    const times: Date[] = [];
    const ips: (string | null)[] = [];
    for (const [id, use] of batch) {
      ids.push(id);
      times.push(new Date(use.at));
      ips.push(use.ip || null);
    }
    try {
      // Another instance may have written a later use: never move last_used_at backwards.
      await this.tokens.writeLastUses(ids, times, ips);
      this.failures = 0;
      return ids.length;
    } catch (error) {
      this.failures++;
      const retry = this.failures < MAX_ATTEMPTS;
      if (retry) {
        // Keep them for the next flush, unless a later use came in meanwhile.
        for (const [id, use] of batch) if (!this.pending.has(id)) this.pending.set(id, use);
      } else {
        this.failures = 0;
      }
      this.logger.error(
        { err: describeError(error), tokens: ids.length, retry },
        'Could not write API token last use',
      );
      return 0;
    }
  }
}
