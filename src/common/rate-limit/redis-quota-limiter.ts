import { Logger } from '@nestjs/common';
import type { RedisCommands } from '../redis/redis-connections.js';
import type { HotChild } from '../metrics/metrics.service.js';
import {
  MemoryQuotaLimiter,
  QuotaLimiter,
  type MeteredDecision,
  type MeteredUse,
} from './quota-limiter.js';
import { RedisAvailability, defineScript, windowResults } from './redis-availability.js';
import { REFUND } from './redis-rate-limiter.js';

/**
 * A use checked against rate windows and a quota in one atomic step. KEYS: the windows'
 * counters, then the quota's. ARGV: limit and length (ms) of each window, then the quota's
 * limit, its lifetime in ms (0: none) and the seed (-1: none).
 *
 * A quota counter that does not exist (a new period, or Redis lost it) is started from the
 * seed, with NX semantics inside the script: the first seed wins, later ones are ignored, so a
 * use is never counted twice. Without a seed the script answers {-1} and charges nothing.
 *
 * Returns {allowed, quotaAllowed, used after, count before and ttl ms of each window}.
 */
const CONSUME_METERED = `
local n = #KEYS - 1
local q = KEYS[#KEYS]
local qlimit = tonumber(ARGV[2 * n + 1])
local qttl = tonumber(ARGV[2 * n + 2])
local seed = tonumber(ARGV[2 * n + 3])
local used = redis.call('GET', q)
if not used then
  if seed < 0 then return { -1 } end
  used = seed
  if qttl > 0 then
    redis.call('SET', q, seed, 'PX', qttl)
  else
    redis.call('SET', q, seed)
  end
end
used = tonumber(used)
local qok = 1
if used >= qlimit then qok = 0 end
local allowed = qok
local counts, ttls = {}, {}
for i = 1, n do
  counts[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
  ttls[i] = redis.call('PTTL', KEYS[i])
  if counts[i] >= tonumber(ARGV[2 * i - 1]) then allowed = 0 end
end
if allowed == 1 then
  used = redis.call('INCR', q)
end
local out = { allowed, qok, used }
for i = 1, n do
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

type Script = (...args: (string | number)[]) => Promise<number[]>;

/**
 * Quotas with rate windows in Redis, shared by every instance. The keys of one use share the
 * hash tag `{<subject>}`, so one Lua call decides on a Redis Cluster too. When Redis does not
 * answer, this instance's own counters decide (seeded afresh, as after a Redis restart).
 */
export class RedisQuotaLimiter extends QuotaLimiter {
  private readonly logger = new Logger('QuotaLimiter');
  private readonly local: MemoryQuotaLimiter;
  private readonly redisNow: RedisAvailability;
  private readonly script: Script;
  private readonly refundScript: Script;

  constructor(
    private readonly redis: RedisCommands,
    private readonly prefix: string,
    fallbacks?: HotChild,
    now: () => number = Date.now,
  ) {
    super();
    this.local = new MemoryQuotaLimiter(now);
    this.redisNow = new RedisAvailability(redis, this.logger, 'quotas', fallbacks);
    this.script = defineScript(redis, 'tesseraConsumeMetered', CONSUME_METERED);
    this.refundScript = defineScript(redis, 'tesseraRefundMetered', REFUND);
  }

  async consume(use: MeteredUse): Promise<MeteredDecision> {
    if (!this.redisNow.usable) return this.fallBack(use);
    const keys = this.keysOf(use);
    const args: (string | number)[] = [keys.length, ...keys];
    for (const window of use.windows) args.push(window.limit, window.windowSeconds * 1000);
    const ttl = use.quota.expiresAt === null ? 0 : Math.max(1, use.quota.expiresAt - Date.now());
    args.push(use.quota.limit, ttl, use.seed);
    let reply: number[];
    try {
      reply = await this.script(...args);
    } catch (error) {
      this.redisNow.failed(error);
      return this.fallBack(use, error);
    }
    this.redisNow.answered();
    if (reply[0] === -1) return { kind: 'unseeded' };
    const allowed = reply[0] === 1;
    return {
      kind: 'decided',
      allowed,
      quotaAllowed: reply[1] === 1,
      used: reply[2],
      windows: windowResults(use.windows, reply, 3, allowed),
    };
  }

  async used(subject: string, key: string): Promise<number | null> {
    if (!this.redisNow.usable) return this.local.used(subject, key);
    try {
      const value = await this.redis.get(this.key(subject, key));
      return value === null ? null : Number(value);
    } catch {
      return this.local.used(subject, key);
    }
  }

  /**
   * One Lua call on the use's keys (one slot), where {@link consume} would charge now. A refund
   * that fails is given up: the use stays charged, as it was before refunds.
   */
  async refund(use: MeteredUse): Promise<void> {
    if (!this.redisNow.usable) return this.local.refund(use);
    const keys = this.keysOf(use);
    try {
      await this.refundScript(keys.length, ...keys);
    } catch (error) {
      this.logger.warn({
        msg: 'A refused use could not be taken back from its quota',
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The windows' counters, then the quota's: `<prefix>rl:{<subject>}<name>`, one slot. */
  private keysOf(use: MeteredUse): string[] {
    const keys = use.windows.map((window) => this.key(use.subject, window.name));
    keys.push(this.key(use.subject, use.quota.key));
    return keys;
  }

  private key(subject: string, name: string): string {
    return `${this.prefix}rl:{${subject}}${name}`;
  }

  private fallBack(use: MeteredUse, error?: unknown): Promise<MeteredDecision> {
    this.redisNow.fellBack(error);
    return this.local.consume(use);
  }
}
