import type { EnvReader } from './env-reader.js';

/** Login sessions: their tokens' lifetimes, how long they live, the login rate. */
export interface SessionConfig {
  readonly accessTokenTtlSeconds: number;
  readonly refreshGraceSeconds: number;
  readonly sessionIdleDays: number;
  readonly sessionMaxDays: number;
  readonly sessionCacheTtlSeconds: number;
  /** RFC 9470 step-up: how recent a session's last proof of identity must be for sensitive routes. */
  readonly stepUpSeconds: number;
  /** An admin without a second factor may do nothing but enroll one (with a session credential). */
  readonly requireMfaForAdmins: boolean;
  readonly authRatePerMinute: number;
}

export function readSessionConfig(read: EnvReader, problems: string[]): SessionConfig {
  const sessionIdleDays = read.int('SESSION_IDLE_DAYS', 7, 1, 365);
  const sessionMaxDays = read.int('SESSION_MAX_DAYS', 30, 1, 3650);
  if (sessionIdleDays > sessionMaxDays) {
    problems.push('SESSION_IDLE_DAYS must not exceed SESSION_MAX_DAYS');
  }
  return {
    accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshGraceSeconds: read.int('REFRESH_GRACE_SECONDS', 10, 0, 300),
    sessionIdleDays,
    sessionMaxDays,
    sessionCacheTtlSeconds: read.int('SESSION_CACHE_TTL_SECONDS', 30, 0, 3600),
    stepUpSeconds: read.int('STEP_UP_SECONDS', 600, 30, 86_400),
    requireMfaForAdmins: read.bool('REQUIRE_MFA_FOR_ADMINS', false),
    authRatePerMinute: read.int('AUTH_RATE_PER_MINUTE', 10, 1, 1_000_000),
  };
}
