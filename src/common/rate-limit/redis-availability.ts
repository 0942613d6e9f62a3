import type { Logger } from '@nestjs/common';
import type { HotChild } from '../metrics/metrics.service.js';
import type { RedisCommands } from '../redis/redis-connections.js';
import type { RateLimitResult } from './rate-limiter.js';

/** After a failed call, Redis is left alone this long: a hung server must not slow every request. */
const PAUSE_AFTER_FAILURE_MS = 1_000;

/**
 * Whether a limiter asks Redis now, and what it says when it cannot: the rate limiter and the
 * quota limiter count in Redis and fall back to this instance's own counters while Redis does
 * not answer, with one warning for the outage rather than one per request.
 */
export class RedisAvailability {
  private degraded = false;
  private pausedUntil = 0;

  /** `what` names the counters in the log: "rate limits", "quotas". */
  constructor(
    private readonly redis: RedisCommands,
    private readonly logger: Logger,
    private readonly what: string,
    private readonly fallbacks?: HotChild,
  ) {}

  /** Connected and not failing just now: no round trip to find that out. */
  get usable(): boolean {
    return this.redis.status === 'ready' && Date.now() >= this.pausedUntil;
  }

  /** A call failed: Redis is left alone for a moment. */
  failed(error: unknown): void {
    this.pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
    // A connection that swallows commands without closing: drop it, ioredis dials again.
    // Not a cluster client's: that would cut every node (and publishing) for one slow answer,
    // and the cluster client finds failed nodes by itself.
    if (error instanceof Error && error.message === 'Command timed out' && !this.redis.isCluster)
      this.redis.disconnect(true);
  }

  /** A call answered: after an outage, the counters are shared again. */
  answered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log(`Redis answers again: ${this.what} are shared across instances again`);
  }

  /** A decision is about to be taken by this instance's own counters. */
  fellBack(error?: unknown): void {
    this.fallbacks?.inc();
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({
      msg: `Redis unreachable: ${this.what} are counted by this instance alone until it is back`,
      reason: error instanceof Error ? error.message : 'not connected',
    });
  }
}

/** A Lua script as a command of the connection (EVALSHA, EVAL once when Redis lacks it). */
export function defineScript<T>(
  redis: RedisCommands,
  name: string,
  lua: string,
): (...args: (string | number)[]) => Promise<T> {
  redis.defineCommand(name, { lua });
  const command = (redis as unknown as Record<string, (...args: unknown[]) => Promise<T>>)[name];
  return command.bind(redis);
}

/**
 * The windows' results from a script's reply, where each window answered its count before the
 * use and its lifetime in ms, from `offset` on; `allowed`: whether the use was charged.
 */
export function windowResults(
  windows: readonly { limit: number }[],
  reply: readonly number[],
  offset: number,
  allowed: boolean,
): RateLimitResult[] {
  return windows.map(({ limit }, i) => {
    const before = reply[offset + 2 * i];
    const after = allowed ? before + 1 : before;
    return {
      allowed: before < limit,
      limit,
      remaining: Math.max(0, limit - after),
      resetSeconds: Math.max(1, Math.ceil(reply[offset + 1 + 2 * i] / 1000)),
    };
  });
}
