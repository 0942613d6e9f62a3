import type { Quota } from '../usage/quota-period.js';

/**
 * What an organization requires of its tokens. Checked when an org token is created, rotated or
 * changed; a tightening never breaks tokens made before it (they are listed as out of policy).
 */
export interface OrgPolicy {
  /** The longest lifetime of an org token, in days. */
  maxTokenDays?: number;
  /** Every org token must name the addresses it may be used from. */
  requireIpAllowlist?: boolean;
  /** The only scopes org tokens may carry. */
  allowedScopes?: string[];
  /** One budget shared by all the org's tokens. */
  rateLimit?: { perMinute?: number; perHour?: number };
  /** The quota of every org token that sets none of its own (a token's own quota wins). */
  quota?: Quota;
}
