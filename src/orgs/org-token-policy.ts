import { DomainError } from '../common/errors/domain-error.js';
import type { SqlCondition } from '../tokens/api-tokens.repository.js';
import type { PolicyFacts } from '../tokens/token-owner.js';
import type { OrgPolicy } from './org-policy.js';

const DAY_MS = 86_400_000;

/**
 * An organization's policy on one of its tokens as it will be after a create, rotation or
 * change: 400 naming the rule it breaks.
 */
export function assertOrgPolicy(policy: OrgPolicy, token: PolicyFacts, now: number): void {
  if (policy.allowedScopes) {
    const outside = token.scopes.filter((scope) => !policy.allowedScopes!.includes(scope));
    if (outside.length > 0) {
      throw new DomainError(
        'BadRequest',
        `The organization's policy (allowedScopes) does not allow ${outside.map((s) => JSON.stringify(s)).join(', ')}`,
      );
    }
  }
  if (policy.requireIpAllowlist && token.allowedIps.length === 0) {
    throw new DomainError(
      'BadRequest',
      "The organization's policy (requireIpAllowlist) needs allowedIps: name the addresses the token may be used from",
    );
  }
  if (policy.maxTokenDays !== undefined) {
    const latest = now + policy.maxTokenDays * DAY_MS;
    if (token.expiresAt === null || token.expiresAt.getTime() > latest) {
      throw new DomainError(
        'BadRequest',
        `The organization's policy (maxTokenDays) lets its tokens live at most ${policy.maxTokenDays} days: give an expiry within that`,
      );
    }
  }
}

/** The tokens (of `t`) that break `policy`: made before it was tightened. */
export function outOfPolicy(policy: OrgPolicy): SqlCondition {
  const breaks: string[] = [];
  const params: Record<string, unknown> = {};
  if (policy.maxTokenDays !== undefined) {
    // A minute's slack: the expiry is computed by the application, created_at by the database.
    breaks.push(
      `(t.expires_at IS NULL OR t.expires_at > t.created_at + make_interval(days => :maxDays, mins => 1))`,
    );
    params.maxDays = policy.maxTokenDays;
  }
  if (policy.requireIpAllowlist) breaks.push('cardinality(t.allowed_ips) = 0');
  if (policy.allowedScopes) {
    breaks.push('NOT (t.scopes <@ CAST(:allowedScopes AS varchar[]))');
    params.allowedScopes = policy.allowedScopes;
  }
  return { sql: breaks.length > 0 ? `(${breaks.join(' OR ')})` : 'false', params };
}
