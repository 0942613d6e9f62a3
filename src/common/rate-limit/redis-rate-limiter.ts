import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { HotChild } from '../metrics/metrics.service.js';
import {
  MemoryRateLimiter,
  RateLimiter,
  type RateLimitResult,
  type RateWindow,
} from './rate-limiter.js';

/**
 * Every window of one decision, checked and charged in one atomic step: if any window is full,
 * none is charged. KEYS: the windows' counters; ARGV: limit and length (ms) of each window.
 * Returns, per window, its count before this request and its remaining lifetime in ms; first
 * of all 1 if the request was allowed (and charged), 0 if not.
 */
const CONSUME_ALL = `
local allowed = 1
local counts, ttls = {}, {}
for i = 1, #KEYS do
  counts[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
  ttls[i] = redis.call('PTTL', KEYS[i])
  if counts[i] >= tonumber(ARGV[2 * i - 1]) then allowed = 0 end
end
local out = { allowed }
for i = 1, #KEYS do
  local ttl = ttls[i]
  if allowed == 1 then
    redis.call('INCR', KEYS[i])
    if ttl < 0 then
      ttl = tonumber(ARGV[2 * i])
      redis.call('PEXPIRE', KEYS[i], ttl)
    end
  elseif ttl < 0 then
    ttl = tonumber(ARGV[2 * i])
  end
  out[#out + 1] = counts[i]
  out[#out + 1] = ttl
end
return out
`;

type ConsumeAll = (...args: (string | number)[]) => Promise<number[]>;

/** After a failed call, Redis is left alone this long: a hung server must not slow every request. */
const PAUSE_AFTER_FAILURE_MS = 1_000;

/**
 * Fixed-window counters in Redis, shared by every instance: one Lua script per decision
 * (EVALSHA, and EVAL once per connection when Redis does not know the script yet).
 *
 * When Redis does not answer, decisions fall back to this instance's own counters, with one
 * warning for the outage rather than one per request: limits then hold per instance, and the
 * service keeps answering. Once Redis is back, the shared counters count again.
 */
export class RedisRateLimiter extends RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly local: MemoryRateLimiter;
  private readonly script: ConsumeAll;
  private degraded = false;
  private pausedUntil = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly fallbacks?: HotChild,
    now: () => number = Date.now,
  ) {
    super();
    this.local = new MemoryRateLimiter(now);
    redis.defineCommand('tesseraConsumeAll', { lua: CONSUME_ALL });
    const command = (redis as unknown as Record<string, ConsumeAll>).tesseraConsumeAll;
    this.script = command.bind(redis);
  }

  consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    return this.consumeAll([{ key, limit, windowSeconds }]).then(([result]) => result);
  }

  async consumeAll(windows: readonly RateWindow[]): Promise<RateLimitResult[]> {
    // Not connected, or failing just now: no round trip to find that out.
    if (this.redis.status !== 'ready' || Date.now() < this.pausedUntil) {
      return this.fallBack(windows);
    }
    const args: (string | number)[] = [windows.length];
    for (const window of windows) args.push(this.prefix + 'rl:' + window.key);
    for (const window of windows) args.push(window.limit, window.windowSeconds * 1000);
    let reply: number[];
    try {
      reply = await this.script(...args);
    } catch (error) {
      this.pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
      // A connection that swallows commands without closing: drop it, ioredis dials again.
      if (error instanceof Error && error.message === 'Command timed out')
        this.redis.disconnect(true);
      return this.fallBack(windows, error);
    }
    if (this.degraded) {
      this.degraded = false;
      this.logger.log('Redis answers again: rate limits are shared across instances again');
    }
    const allowed = reply[0] === 1;
    return windows.map(({ limit }, i) => {
      const before = reply[1 + 2 * i];
      const ttlMs = reply[2 + 2 * i];
      const after = allowed ? before + 1 : before;
      return {
        allowed: before < limit,
        limit,
        remaining: Math.max(0, limit - after),
        resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
      };
    });
  }

  private fallBack(windows: readonly RateWindow[], error?: unknown): Promise<RateLimitResult[]> {
    this.fallbacks?.inc();
    if (!this.degraded) {
      this.degraded = true;
      this.logger.warn({
        msg: 'Redis unreachable: rate limits are counted by this instance alone until it is back',
        reason: error instanceof Error ? error.message : 'not connected',
      });
    }
    return this.local.consumeAll(windows);
  }
}
