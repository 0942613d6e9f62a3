import type { EnvReader } from './env-reader.js';

/** API tokens: how many, how long, how fast, and how their per-request check is cached. */
export interface TokenConfig {
  readonly maxTokensPerUser: number;
  readonly tokenRatePerMinute: number;
  readonly tokenRatePerHour: number;
  /** The longest lifetime of an API token, in days (unset: 3650), and whether it was set. */
  readonly tokenMaxDays: number;
  readonly tokenMaxDaysSet: boolean;
  readonly tokenCacheTtlSeconds: number;
  /** How often each instance writes the API tokens' last use (one statement per flush). */
  readonly lastUsedFlushSeconds: number;
}

export function readTokenConfig(read: EnvReader): TokenConfig {
  return {
    maxTokensPerUser: read.int('MAX_TOKENS_PER_USER', 20, 1, 10_000),
    tokenRatePerMinute: read.int('TOKEN_RATE_PER_MINUTE', 600, 1, 1_000_000_000),
    tokenRatePerHour: read.int('TOKEN_RATE_PER_HOUR', 20_000, 1, 1_000_000_000),
    tokenMaxDays: read.int('TOKEN_MAX_DAYS', 3650, 1, 3650),
    tokenMaxDaysSet: read.string('TOKEN_MAX_DAYS', '') !== '',
    tokenCacheTtlSeconds: read.int('TOKEN_CACHE_TTL_SECONDS', 30, 0, 3600),
    lastUsedFlushSeconds: read.int('LAST_USED_FLUSH_SECONDS', 30, 1, 60),
  };
}
