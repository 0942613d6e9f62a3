import { Logger } from '@nestjs/common';
import type { RedisCommands } from '../redis/redis-connections.js';
import type { HotChild } from '../metrics/metrics.service.js';
import { RedisAvailability, defineScript, windowResults } from './redis-availability.js';
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

/**
 * Takes back one use of each of KEYS (a decision charged, then refused by a later limit): a
 * counter above zero is decremented, keeping its expiry; a missing one is left missing.
 */
export const REFUND = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count > 0 then redis.call('DECR', KEYS[i]) end
end
return 1
`;

type Script = (...args: (string | number)[]) => Promise<number[]>;

/**
 * Fixed-window counters in Redis, shared by every instance: one Lua script per decision
 * (EVALSHA, and EVAL once per connection when Redis does not know the script yet).
 *
 * Counter names carry a hash tag so that the windows of one decision live in one Redis
 * Cluster slot (a script may touch only keys of one slot): see {@link counterKeys}.
 *
 * When Redis does not answer, decisions fall back to this instance's own counters, with one
 * warning for the outage rather than one per request: limits then hold per instance, and the
 * service keeps answering. Once Redis is back, the shared counters count again.
 */
export class RedisRateLimiter extends RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly local: MemoryRateLimiter;
  private readonly redisNow: RedisAvailability;
  private readonly script: Script;
  private readonly refundScript: Script;

  constructor(
    redis: RedisCommands,
    private readonly prefix: string,
    fallbacks?: HotChild,
    now: () => number = Date.now,
  ) {
    super();
    this.local = new MemoryRateLimiter(now);
    this.redisNow = new RedisAvailability(redis, this.logger, 'rate limits', fallbacks);
    this.script = defineScript(redis, 'tesseraConsumeAll', CONSUME_ALL);
    this.refundScript = defineScript(redis, 'tesseraRefund', REFUND);
  }

  consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    return this.consumeAll([{ key, limit, windowSeconds }]).then(([result]) => result);
  }

  async consumeAll(windows: readonly RateWindow[]): Promise<RateLimitResult[]> {
    if (!this.redisNow.usable) return this.fallBack(windows);
    const args: (string | number)[] = [windows.length, ...counterKeys(this.prefix, windows)];
    for (const window of windows) args.push(window.limit, window.windowSeconds * 1000);
    let reply: number[];
    try {
      reply = await this.script(...args);
    } catch (error) {
      this.redisNow.failed(error);
      return this.fallBack(windows, error);
    }
    this.redisNow.answered();
    return windowResults(windows, reply, 1, reply[0] === 1);
  }

  /**
   * Where {@link consumeAll} would charge now: Redis, or this instance's counters while Redis
   * does not answer. A refund that fails is given up (the use stays charged, as before refunds).
   */
  async refund(windows: readonly RateWindow[]): Promise<void> {
    if (!this.redisNow.usable) return this.local.refund(windows);
    try {
      await this.refundScript(windows.length, ...counterKeys(this.prefix, windows));
    } catch (error) {
      this.logger.warn({
        msg: 'A refused request could not be taken back from its rate limits',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private fallBack(windows: readonly RateWindow[], error?: unknown): Promise<RateLimitResult[]> {
    this.redisNow.fellBack(error);
    return this.local.consumeAll(windows);
  }
}

/**
 * The Redis names of a decision's counters: `<prefix>rl:{<subject>}<rest>`. The subject is what
 * the keys have in common up to their last `:` (`token:<id>` for `token:<id>:m` and
 * `token:<id>:h`), so one token's windows share a slot while tokens spread over the cluster.
 * A single key is its own subject. Keys of one decision with different subjects are a
 * programming error: no script could count them atomically on a cluster.
 */
export function counterKeys(prefix: string, windows: readonly RateWindow[]): string[] {
  if (windows.length === 1) return [`${prefix}rl:{${windows[0].key}}`];
  const subject = subjectOf(windows[0].key);
  return windows.map(({ key }) => {
    if (subjectOf(key) !== subject) {
      throw new Error(
        `Rate windows of one decision must share a subject: ${windows[0].key}, ${key}`,
      );
    }
    return `${prefix}rl:{${subject}}${key.slice(subject.length)}`;
  });
}

function subjectOf(key: string): string {
  const cut = key.lastIndexOf(':');
  return cut > 0 ? key.slice(0, cut) : key;
}
