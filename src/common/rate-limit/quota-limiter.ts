import type { RateLimitResult } from './rate-limiter.js';

/**
 * A quota counter: successful uses in one period. `key` names the period (a new period is a new
 * counter, so no job resets anything); `expiresAt` is when the counter may be forgotten (epoch
 * ms; null: never, for a quota over all time).
 */
export interface QuotaCounter {
  key: string;
  limit: number;
  expiresAt: number | null;
}

/**
 * One use checked against a subject's rate windows and its quota together. All names are
 * relative to `subject`, which keeps them in one Redis Cluster slot.
 */
export interface MeteredUse {
  subject: string;
  windows: readonly { name: string; limit: number; windowSeconds: number }[];
  quota: QuotaCounter;
  /** Uses already spent in the period, to start a counter that does not exist (-1: unknown). */
  seed: number;
}

export type MeteredDecision =
  /** The quota's counter does not exist: ask again with a seed. */
  | { kind: 'unseeded' }
  | {
      kind: 'decided';
      /** The use went through and was charged to every window and the quota. */
      allowed: boolean;
      /** False when the quota (rather than, or as well as, a window) refused it. */
      quotaAllowed: boolean;
      /** Uses of the quota after this decision. */
      used: number;
      windows: RateLimitResult[];
    };

/**
 * Rate windows and a quota as one decision: a use is charged to all of them, or, if any refuses
 * it, to none (a refused use is not charged to the quota). In Redis one Lua call decides across
 * instances; without it the counters are this process's, exact for one instance.
 */
export abstract class QuotaLimiter {
  abstract consume(use: MeteredUse): Promise<MeteredDecision>;

  /** Uses of a quota counter so far, or null when it does not exist (not charged). */
  abstract used(subject: string, key: string): Promise<number | null>;

  /**
   * Takes back a use {@link consume} allowed, when a later limit (an organization's budget)
   * refused it after all: the quota's counter and each window still running lose one use,
   * none below zero. A refused use is charged to nothing.
   */
  abstract refund(use: MeteredUse): Promise<void>;
}

interface Counter {
  count: number;
  /** Epoch ms; Infinity: never. */
  expiresAt: number;
}

/** The counters of one process. */
export class MemoryQuotaLimiter extends QuotaLimiter {
  private readonly counters = new Map<string, Counter>();
  private lastSweep = Date.now();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  consume(use: MeteredUse): Promise<MeteredDecision> {
    const now = this.now();
    this.sweep(now);
    const quotaName = `${use.subject}|${use.quota.key}`;
    let quota = this.live(quotaName, now);
    if (quota === undefined) {
      if (use.seed < 0) return Promise.resolve({ kind: 'unseeded' });
      quota = { count: use.seed, expiresAt: use.quota.expiresAt ?? Infinity };
      this.counters.set(quotaName, quota);
    }
    const quotaAllowed = quota.count < use.quota.limit;
    let allowed = quotaAllowed;
    const windows: Counter[] = use.windows.map(({ name, windowSeconds, limit }) => {
      const key = `${use.subject}|${name}`;
      let window = this.live(key, now);
      if (window === undefined) {
        window = { count: 0, expiresAt: now + windowSeconds * 1000 };
        this.counters.set(key, window);
      }
      if (window.count >= limit) allowed = false;
      return window;
    });
    if (allowed) {
      quota.count++;
      for (const window of windows) window.count++;
    }
    return Promise.resolve({
      kind: 'decided',
      allowed,
      quotaAllowed,
      used: quota.count,
      windows: windows.map((window, i) => ({
        allowed: window.count < use.windows[i].limit || allowed,
        limit: use.windows[i].limit,
        remaining: Math.max(0, use.windows[i].limit - window.count),
        resetSeconds: Math.max(1, Math.ceil((window.expiresAt - now) / 1000)),
      })),
    });
  }

  used(subject: string, key: string): Promise<number | null> {
    return Promise.resolve(this.live(`${subject}|${key}`, this.now())?.count ?? null);
  }

  refund(use: MeteredUse): Promise<void> {
    const now = this.now();
    for (const name of [use.quota.key, ...use.windows.map((window) => window.name)]) {
      const counter = this.live(`${use.subject}|${name}`, now);
      if (counter && counter.count > 0) counter.count--;
    }
    return Promise.resolve();
  }

  private live(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    return counter && counter.expiresAt > now ? counter : undefined;
  }

  /** Drops finished counters now and then so that the map does not grow without end. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters)
      if (counter.expiresAt <= now) this.counters.delete(key);
  }
}
