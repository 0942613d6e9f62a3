import { DomainError } from '../errors/domain-error.js';

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Fixed-window counters. The in-memory implementation serves one instance; a shared store
 * (Redis) can stand in behind the same interface.
 */
export abstract class RateLimiter {
  abstract consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;

  /**
   * Several windows as one decision: the request is charged to every window, or, if any of
   * them refuses it, to none (a request refused by the hourly limit does not use up the
   * minute's allowance, and the reverse). Results come back in the order of `windows`.
   */
  abstract consumeAll(windows: readonly RateWindow[]): Promise<RateLimitResult[]>;

  /**
   * Takes back the charge of a decision {@link consumeAll} allowed, when a later limit refused
   * the request after all (an organization's budget after a token's own windows): each window
   * still running loses one use, none below zero. (A window that started over in the
   * milliseconds between may lose a use it did not count: a use forgiven, never one charged
   * twice.)
   */
  abstract refund(windows: readonly RateWindow[]): Promise<void>;
}

export interface RateWindow {
  key: string;
  limit: number;
  windowSeconds: number;
}

export class MemoryRateLimiter extends RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    return this.consumeAll([{ key, limit, windowSeconds }]).then(([result]) => result);
  }

  consumeAll(windows: readonly RateWindow[]): Promise<RateLimitResult[]> {
    const now = this.now();
    this.sweep(now);
    const current: { count: number; resetAt: number }[] = [];
    let allowed = true;
    for (const { key, limit, windowSeconds } of windows) {
      let window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowSeconds * 1000 };
        this.windows.set(key, window);
      }
      current.push(window);
      if (window.count >= limit) allowed = false;
    }
    const results: RateLimitResult[] = [];
    for (let i = 0; i < windows.length; i++) {
      const window = current[i];
      const { limit } = windows[i];
      const room = window.count < limit;
      if (allowed) window.count++;
      results.push({
        allowed: room,
        limit,
        remaining: Math.max(0, limit - window.count),
        resetSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
      });
    }
    return Promise.resolve(results);
  }

  refund(windows: readonly RateWindow[]): Promise<void> {
    const now = this.now();
    for (const { key } of windows) {
      const window = this.windows.get(key);
      if (window && window.resetAt > now && window.count > 0) window.count--;
    }
    return Promise.resolve();
  }

  /** Drops finished windows now and then so that the map does not grow without end. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(result.remaining),
    'RateLimit-Reset': String(result.resetSeconds),
  };
}

/** The same headers, set one by one on a reply (the per-request path). */
export function setRateLimitHeaders(
  reply: { header(name: string, value: string): unknown },
  result: RateLimitResult,
): void {
  reply.header('RateLimit-Limit', String(result.limit));
  reply.header('RateLimit-Remaining', String(result.remaining));
  reply.header('RateLimit-Reset', String(result.resetSeconds));
}

export function rateLimited(result: RateLimitResult, message = 'Too many requests'): DomainError {
  return new DomainError('RateLimited', message, {
    'Retry-After': String(result.resetSeconds),
    ...rateLimitHeaders(result),
  });
}
