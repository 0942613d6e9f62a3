import type { EnvReader } from './env-reader.js';

/** API tokens: how many, how long, how fast, and how their per-request check is cached. */
export interface TokenConfig {
  readonly maxTokensPerUser: number;
  /** Active API tokens an organization may hold. */
  readonly maxTokensPerOrg: number;
  /** How long an organization's invitation link works, in days. */
  readonly invitationDays: number;
  readonly tokenRatePerMinute: number;
  readonly tokenRatePerHour: number;
  /** The longest lifetime of an API token, in days (unset: 3650), and whether it was set. */
  readonly tokenMaxDays: number;
  readonly tokenMaxDaysSet: boolean;
  /**
   * The lifetime of an API token created without an expiry, in days, for the API and the
   * console alike (TOKEN_DEFAULT_DAYS; unset: TOKEN_MAX_DAYS when set); null: it never expires.
   */
  readonly tokenDefaultDays: number | null;
  readonly tokenCacheTtlSeconds: number;
  /** How often each instance writes the API tokens' last use (one statement per flush). */
  readonly lastUsedFlushSeconds: number;
  /** How often each instance writes the API tokens' usage counts (one statement per flush). */
  readonly usageFlushSeconds: number;
}

export function readTokenConfig(read: EnvReader, problems: string[]): TokenConfig {
  const tokenMaxDays = read.int('TOKEN_MAX_DAYS', 3650, 1, 3650);
  const tokenMaxDaysSet = read.string('TOKEN_MAX_DAYS', '') !== '';
  const tokenDefaultDays =
    read.string('TOKEN_DEFAULT_DAYS', '') !== ''
      ? read.int('TOKEN_DEFAULT_DAYS', 90, 1, 3650)
      : tokenMaxDaysSet
        ? tokenMaxDays
        : null;
  if (tokenDefaultDays !== null && tokenDefaultDays > tokenMaxDays) {
    problems.push('TOKEN_DEFAULT_DAYS must not exceed TOKEN_MAX_DAYS');
  }
  return {
    maxTokensPerUser: read.int('MAX_TOKENS_PER_USER', 20, 1, 10_000),
    maxTokensPerOrg: read.int('MAX_TOKENS_PER_ORG', 100, 1, 100_000),
    invitationDays: read.int('INVITATION_DAYS', 7, 1, 90),
    tokenRatePerMinute: read.int('TOKEN_RATE_PER_MINUTE', 600, 1, 1_000_000_000),
    tokenRatePerHour: read.int('TOKEN_RATE_PER_HOUR', 20_000, 1, 1_000_000_000),
    tokenMaxDays,
    tokenMaxDaysSet,
    tokenDefaultDays,
    tokenCacheTtlSeconds: read.int('TOKEN_CACHE_TTL_SECONDS', 30, 0, 3600),
    lastUsedFlushSeconds: read.int('LAST_USED_FLUSH_SECONDS', 30, 1, 60),
    usageFlushSeconds: read.int('USAGE_FLUSH_SECONDS', 30, 1, 60),
  };
}
