import type { RateLimitResult } from '../rate-limit/rate-limiter.js';
import type { Role } from './scopes.js';

/** Who is calling: what the bearer strategy resolves either kind of credential to. */
export interface AuthPrincipal {
  userId: string;
  role: Role;
  /** Built-in scopes and the policy file's own. */
  scopes: readonly string[];
  /** Set when the credential is a session access token. */
  sessionId?: string;
  /** Set when the credential is an API token. */
  tokenId?: string;
  /** The API token's rate-limit window nearest to exhaustion, reported in response headers. */
  rateLimit?: RateLimitResult;
  /**
   * An API token's own limits, which tokens it creates or changes may not escape: its
   * allowlist (empty: any address) and when it stops working (epoch ms, null: never).
   */
  restrictions?: { allowedIps: readonly string[]; endsAt: number | null };
  /** When the credential stops working, epoch ms (null: never), unless revoked before. */
  expiresAt?: number | null;
}
