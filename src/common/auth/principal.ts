import { DomainError } from '../errors/domain-error.js';
import type { RateLimitResult } from '../rate-limit/rate-limiter.js';
import type { Role } from './scopes.js';

/** Who is calling: what the bearer strategy resolves either kind of credential to. */
export interface AuthPrincipal {
  /** The person behind the credential; absent for an organization's API token. */
  userId?: string;
  /** Set when the credential is an organization's API token: it acts for the organization. */
  orgId?: string;
  /** `service` for an organization's API token. */
  role: PrincipalRole;
  /** Built-in scopes and the policy file's own. */
  scopes: readonly string[];
  /** Set when the credential is a session access token. */
  sessionId?: string;
  /** Set when the credential is an API token. */
  tokenId?: string;
  /**
   * Session credentials: when the user last proved who they are in the session (login or
   * step-up), epoch ms. Read from the cached session state, so step-up checks cost no query.
   */
  authTime?: number;
  /**
   * REQUIRE_MFA_FOR_ADMINS: an admin's session without a second factor, which may only reach
   * the routes that enroll one (403 `mfa_enrollment_required` elsewhere).
   */
  mfaEnrollmentRequired?: boolean;
  /** The API token's rate-limit window nearest to exhaustion, reported in response headers. */
  rateLimit?: RateLimitResult;
  /** An API token's quota after this use: `reset` is the end of its period (epoch ms, null: never). */
  quota?: { limit: number; remaining: number; reset: number | null };
  /**
   * An API token's own limits, which tokens it creates or changes may not escape: its
   * allowlist (empty: any address) and when it stops working (epoch ms, null: never).
   */
  restrictions?: {
    allowedIps: readonly string[];
    endsAt: number | null;
    /** The rate limits it is held to (its own where lower than the server's). */
    rateLimit?: { readonly perMinute: number; readonly perHour: number };
    /** The quota it is held to (its own, or its organization's default), if any. */
    quota?: { readonly limit: number; readonly period: 'day' | 'month' | 'total' } | null;
  };
  /** When the credential stops working, epoch ms (null: never), unless revoked before. */
  expiresAt?: number | null;
  /**
   * The account as loaded with the credential's cached state: `/auth/me` answers from it. The
   * invalidations that make a revocation or a role change take effect drop it with that state.
   */
  account?: AccountRecord;
  /** An API token's own row as loaded with its cached state: `/tokens/current` answers from it. */
  token?: TokenRecord;
}

/** A user's role, or `service` for an organization's API token (no person behind it). */
export type PrincipalRole = Role | 'service';

/**
 * The user a personal route acts for. An organization's API token has none: it is refused
 * (403), never taken for "any user".
 */
export function userIdOf(principal: Pick<AuthPrincipal, 'userId'>): string {
  if (principal.userId === undefined) {
    throw new DomainError(
      'Forbidden',
      "An organization's API token acts for its organization, not for a person: use the organization's routes",
    );
  }
  return principal.userId;
}

/** A user's profile; times are epoch ms. */
export interface AccountRecord {
  readonly email: string;
  readonly name: string | null;
  readonly createdAt: number;
}

/** An API token as stored; times are epoch ms (null: never, or not yet). */
export interface TokenRecord {
  readonly name: string;
  readonly description: string | null;
  readonly prefix: string;
  /** As granted, before the owner's role filters them. */
  readonly scopes: readonly string[];
  readonly allowedIps: readonly string[];
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly createdAt: number;
  /** As written to the table when loaded; later uses are in memory. */
  readonly lastUsedAt: number | null;
  readonly lastUsedIp: string | null;
  /** The token's own limits; null where the server's apply. */
  readonly rateLimit: { readonly perMinute: number | null; readonly perHour: number | null };
  /** Imported tokens only: the id the system it came from knew it by. */
  readonly externalId: string | null;
  /** An organization's token: its organization, and who made it. */
  readonly orgId?: string;
  readonly createdBy?: string | null;
  /** Its quota (successful uses per day, month or in total), or null. */
  readonly quota: { readonly limit: number; readonly period: 'day' | 'month' | 'total' } | null;
  /** The first token of its chain of rotations, whose quota it shares (itself if none). */
  readonly lineageId: string;
}
