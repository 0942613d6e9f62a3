import { DomainError, bearerChallenge } from '../errors/domain-error.js';
import { rateLimitHeaders, type RateLimitResult } from '../rate-limit/rate-limiter.js';

/**
 * Why a credential was refused, as `/verify` names it. Over HTTP every reason but
 * RATE_LIMITED is the same 401 `invalid_token` (RFC 6750), so that a caller learns nothing
 * of someone else's token; a service allowed to verify tokens gets the reason itself.
 */
export const REFUSAL_REASONS = [
  /** Unknown, or not the shape of any credential. */
  'NOT_FOUND',
  'EXPIRED',
  /** Revoked, or rotated out once its grace period ran out. */
  'REVOKED',
  /** An API token used from outside its allowlist. */
  'IP_NOT_ALLOWED',
  'RATE_LIMITED',
  /** The owner's account is disabled. */
  'USER_DISABLED',
  /** An API token's quota is spent for its period. */
  'USAGE_EXCEEDED',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const MESSAGES: Record<Exclude<RefusalReason, 'RATE_LIMITED' | 'USAGE_EXCEEDED'>, string> = {
  NOT_FOUND: 'The access token is invalid, expired or revoked',
  EXPIRED: 'The access token is invalid, expired or revoked',
  REVOKED: 'The access token is invalid, expired or revoked',
  // Says what to fix and nothing about the allowlist itself.
  IP_NOT_ALLOWED: 'This API token is not allowed from this address',
  USER_DISABLED: 'The access token is invalid, expired or revoked',
};

/** A credential refused by the bearer strategy, with the reason. */
export class CredentialRefused extends DomainError {
  private constructor(
    readonly reason: RefusalReason,
    code: 'InvalidToken' | 'RateLimited',
    message: string,
    headers: Record<string, string>,
    /** For RATE_LIMITED: the window that refused it. */
    readonly rateLimit?: RateLimitResult,
    /** For USAGE_EXCEEDED: the quota (`reset`: end of its period, epoch ms; null: never). */
    readonly quota?: { limit: number; remaining: number; reset: number | null },
    /** NOT_FOUND after a database lookup of its own: what the unknown-credential throttle counts. */
    readonly lookedUp = false,
  ) {
    super(code, message, headers);
  }

  /** NOT_FOUND, found so by a query of this request's own (not from the cache). */
  static lookedUpInVain(): CredentialRefused {
    return new CredentialRefused(
      'NOT_FOUND',
      'InvalidToken',
      MESSAGES.NOT_FOUND,
      { 'WWW-Authenticate': bearerChallenge('invalid_token') },
      undefined,
      undefined,
      true,
    );
  }

  static because(
    reason: Exclude<RefusalReason, 'RATE_LIMITED' | 'USAGE_EXCEEDED'>,
  ): CredentialRefused {
    return new CredentialRefused(reason, 'InvalidToken', MESSAGES[reason], {
      'WWW-Authenticate': bearerChallenge('invalid_token'),
    });
  }

  /** Over the limit of `window`: 429 with Retry-After once it has room again. */
  static rateLimited(
    window: RateLimitResult,
    message: string,
    headers: Record<string, string> = {},
  ): CredentialRefused {
    return new CredentialRefused(
      'RATE_LIMITED',
      'RateLimited',
      message,
      { 'Retry-After': String(window.resetSeconds), ...rateLimitHeaders(window), ...headers },
      window,
    );
  }

  /**
   * The quota is spent: 429, with Retry-After at the end of its period (none for a quota over
   * the token's whole life, which never starts over).
   */
  static usageExceeded(
    quota: { limit: number; remaining: number; reset: number | null },
    now = Date.now(),
  ): CredentialRefused {
    const headers: Record<string, string> = {};
    if (quota.reset !== null) {
      headers['Retry-After'] = String(Math.max(1, Math.ceil((quota.reset - now) / 1000)));
    }
    return new CredentialRefused(
      'USAGE_EXCEEDED',
      'RateLimited',
      quota.reset === null
        ? 'The usage quota of this API token is spent, and a lifetime quota does not start over'
        : 'The usage quota of this API token is spent for this period',
      headers,
      undefined,
      quota,
    );
  }
}
