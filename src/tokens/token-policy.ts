import type { AuthPrincipal } from '../common/auth/principal.js';
import { DomainError, insufficientScope } from '../common/errors/domain-error.js';
import type { ScopeRegistry } from '../policy/scope-registry.js';
import { allowlistWithin, canonicalAllowedIp } from './ip-allowlist.js';

/**
 * The rules of what a caller may do to API tokens, as pure functions: no database, no clock
 * but the `now` they are given.
 */

const DAY_MS = 86_400_000;

/** What the policy needs to know of a token. */
export interface TokenFacts {
  revokedAt: Date | null;
  revokeReason: string | null;
  expiresAt: Date | null;
}

/** Every scope named exists: built in, or declared in the policy file (400 naming the rest). */
export function assertKnownScopes(registry: ScopeRegistry, scopes: readonly string[]): void {
  const unknown = registry.unknown(scopes);
  if (unknown.length > 0) {
    throw new DomainError(
      'BadRequest',
      `Unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((scope) => JSON.stringify(scope)).join(', ')}: GET /api/v1/scopes lists the scopes there are`,
    );
  }
}

/**
 * No escalation: a caller grants only scopes its role may hold (a scope the policy file gives
 * to admins only needs an admin) and that it holds itself.
 */
export function assertGrantable(
  principal: Pick<AuthPrincipal, 'scopes' | 'role'>,
  scopes: readonly string[],
  registry: ScopeRegistry,
): void {
  const missing = scopes.find(
    (scope) =>
      // An organization's token grants at most what a user may hold.
      !registry.mayHold(principal.role === 'service' ? 'user' : principal.role, scope) ||
      !principal.scopes.includes(scope),
  );
  if (missing) throw insufficientScope(missing);
}

/**
 * An API token's own allowlist and lifetime bound what it creates, changes or rotates: a token
 * restricted to one network cannot make an unrestricted one.
 */
export function assertWithin(
  principal: Pick<AuthPrincipal, 'restrictions'>,
  allowedIps: readonly string[],
  /** Unchecked when undefined (a PATCH leaves the expiry alone). */
  expiresAt?: Date | null,
): void {
  const limits = principal.restrictions;
  if (!limits) return;
  if (!allowlistWithin(allowedIps, limits.allowedIps)) {
    throw new DomainError(
      'Forbidden',
      'allowedIps must stay within the allowlist of the API token making the request',
    );
  }
  if (
    expiresAt !== undefined &&
    limits.endsAt !== null &&
    (expiresAt === null || expiresAt.getTime() > limits.endsAt)
  ) {
    throw new DomainError(
      'Forbidden',
      'A token made by an API token cannot outlive it: expire it no later than that token',
    );
  }
}

/**
 * A token made or changed by an API token is held to rate limits no looser than that token's
 * own (each window's effective limit: its own where lower than the server's), as with scopes.
 */
export function assertRateWithin(
  principal: Pick<AuthPrincipal, 'restrictions'>,
  rate: { perMinute: number | null; perHour: number | null },
  server: { perMinute: number; perHour: number },
): void {
  const own = principal.restrictions?.rateLimit;
  if (!own) return;
  const looser = (['perMinute', 'perHour'] as const).find(
    (window) => Math.min(rate[window] ?? Infinity, server[window]) > own[window],
  );
  if (looser) {
    throw new DomainError(
      'Forbidden',
      `rateLimit.${looser} must stay within the limit of the API token making the request (${own[looser]})`,
    );
  }
}

/**
 * The rate limits of a token an API token creates without naming them: its own, where they are
 * below the server's, so that it cannot mint its way out of them (as with its allowlist).
 */
export function inheritedRateLimits(
  principal: Pick<AuthPrincipal, 'restrictions'>,
  requested: { perMinute?: number | null; perHour?: number | null } | undefined,
  server: { perMinute: number; perHour: number },
): { perMinute?: number | null; perHour?: number | null } | undefined {
  const own = principal.restrictions?.rateLimit;
  if (!own) return requested;
  const pick = (window: 'perMinute' | 'perHour') =>
    requested?.[window] !== undefined
      ? requested[window]
      : own[window] < server[window]
        ? own[window]
        : undefined;
  return { perMinute: pick('perMinute'), perHour: pick('perHour') };
}

type QuotaRule = NonNullable<NonNullable<AuthPrincipal['restrictions']>['quota']>;
/** Longer periods hold fewer uses for the same limit: a month's 100 is tighter than a day's. */
const PERIOD_RANK = { day: 0, month: 1, total: 2 } as const;

/**
 * The quota of a token an API token creates, and the count it draws from. A token held to a
 * quota shares it with the tokens it creates: they join its rotation lineage and spend one
 * count, so that minting tokens cannot multiply the quota (each with a fresh count) nor leave
 * it behind (an unmetered one). It names no other quota: that would be a second count.
 */
export function quotaOfNewToken(
  principal: Pick<AuthPrincipal, 'restrictions' | 'tokenId' | 'token'>,
  requested: QuotaRule | undefined,
): { quota: QuotaRule | undefined; lineageId: string | undefined } {
  const own = principal.restrictions?.quota;
  if (!own) return { quota: requested, lineageId: undefined };
  if (requested && (requested.limit !== own.limit || requested.period !== own.period)) {
    throw new DomainError(
      'Forbidden',
      `the tokens an API token held to a quota creates share its quota (${quotaText(own)}, one count): leave quota out or name the same`,
    );
  }
  return { quota: own, lineageId: quotaLineageOf(principal) };
}

/**
 * The rotation lineage whose quota count an API token held to a quota spends (undefined for a
 * credential held to none): what it creates joins it, and its Idempotency-Keys are bound to it.
 */
export function quotaLineageOf(
  principal: Pick<AuthPrincipal, 'restrictions' | 'tokenId' | 'token'>,
): string | undefined {
  if (!principal.restrictions?.quota) return undefined;
  return principal.token?.lineageId ?? principal.tokenId;
}

/**
 * A token sharing the quota count of the API token making the request (the same lineage: itself,
 * its rotations and the tokens it created) keeps counting by the same period: a count by another
 * period would start from nothing. A lower limit stays possible.
 */
export function assertSharedQuotaKept(
  principal: Pick<AuthPrincipal, 'restrictions' | 'tokenId' | 'token'>,
  token: { id: string; lineageId: string | null },
  quota: QuotaRule | null,
): void {
  const own = principal.restrictions?.quota;
  if (!own) return;
  if ((token.lineageId ?? token.id) !== quotaLineageOf(principal)) return;
  if (quota && quota.period === own.period) return;
  throw new DomainError(
    'Forbidden',
    `this token shares the quota count of the API token making the request (${quotaText(own)}): its period stays ${own.period}`,
  );
}

function quotaText(quota: QuotaRule): string {
  return `${quota.limit} a ${quota.period === 'total' ? 'lifetime' : quota.period}`;
}

/**
 * A token made or changed by an API token held to a quota is held to one no looser: a limit no
 * higher, over a period no shorter. Null: no quota, which is looser than any.
 */
export function assertQuotaWithin(
  principal: Pick<AuthPrincipal, 'restrictions'>,
  quota: QuotaRule | null | undefined,
): void {
  const own = principal.restrictions?.quota;
  if (!own) return;
  if (!quota || quota.limit > own.limit || PERIOD_RANK[quota.period] < PERIOD_RANK[own.period]) {
    throw new DomainError(
      'Forbidden',
      `quota must stay within the quota of the API token making the request (${quotaText(own)})`,
    );
  }
}

/**
 * Imported tokens carry no allowlist, the server's rate limits and no quota: an API token held
 * to any of these would mint, by importing, tokens outside its own limits (its expiry is checked
 * per row). 403 naming what holds it.
 */
export function assertMayImport(
  principal: Pick<AuthPrincipal, 'restrictions'>,
  server: { perMinute: number; perHour: number },
): void {
  const limits = principal.restrictions;
  if (!limits) return;
  const rate = limits.rateLimit;
  const held = [
    limits.allowedIps.length > 0 ? 'an IP allowlist' : '',
    rate && (rate.perMinute < server.perMinute || rate.perHour < server.perHour)
      ? 'a rate limit of its own'
      : '',
    limits.quota ? 'a quota' : '',
  ].filter(Boolean);
  if (held.length > 0) {
    throw new DomainError(
      'Forbidden',
      `An API token held to ${held.join(' and ')} cannot import tokens: imported tokens are held to none. Import with a session or an API token without such limits`,
    );
  }
}

/** A token's own quota as stored, or null. */
export function storedQuota(token: {
  quotaLimit: number | null;
  quotaPeriod: QuotaRule['period'] | null;
}): QuotaRule | null {
  return token.quotaLimit !== null && token.quotaPeriod !== null
    ? { limit: token.quotaLimit, period: token.quotaPeriod }
    : null;
}

/** Only an active token may be changed or rotated; the message says why not. */
export function assertActive(
  token: TokenFacts,
  what: 'changed' | 'rotated',
  now = Date.now(),
): void {
  if (token.revokedAt) {
    throw new DomainError(
      'TokenNotActive',
      token.revokeReason === 'rotated'
        ? `This API token was already rotated and cannot be ${what}`
        : `A revoked API token cannot be ${what}`,
    );
  }
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now) {
    throw new DomainError('TokenNotActive', `An expired API token cannot be ${what}`);
  }
}

/** The expiry a create asks for (null: never), checked against the longest lifetime allowed. */
export function requestedExpiry(
  input: { expiresInDays?: number; expiresAt?: string },
  maxLifetimeDays: number,
  now: number,
): Date | null {
  if (input.expiresInDays !== undefined && input.expiresAt !== undefined) {
    throw new DomainError('BadRequest', 'Give expiresInDays or expiresAt, not both');
  }
  if (input.expiresInDays !== undefined) {
    if (input.expiresInDays > maxLifetimeDays) {
      throw new DomainError(
        'BadRequest',
        `expiresInDays must be at most ${maxLifetimeDays}: API tokens live at most that many days here`,
      );
    }
    return new Date(now + input.expiresInDays * DAY_MS);
  }
  if (input.expiresAt === undefined) return null;
  return expiryWithin(input.expiresAt, maxLifetimeDays, now);
}

/** An explicit expiry: in the future, and within the longest lifetime allowed from `now`. */
export function expiryWithin(expiresAt: string, maxLifetimeDays: number, now: number): Date {
  const at = new Date(expiresAt);
  if (at.getTime() <= now) throw new DomainError('BadRequest', 'expiresAt must be in the future');
  if (at.getTime() > now + maxLifetimeDays * DAY_MS) {
    throw new DomainError(
      'BadRequest',
      `expiresAt must be within ${maxLifetimeDays} days from now: API tokens live at most that many days here`,
    );
  }
  return at;
}

/**
 * A token's own rate limits, each at most the server's (400 above: a token can only be held
 * tighter); a window left out keeps `current`, and `null` gives it back the server's limit.
 */
export function ownRateLimits(
  requested: { perMinute?: number | null; perHour?: number | null } | undefined,
  server: { perMinute: number; perHour: number },
  current: { perMinute: number | null; perHour: number | null } = {
    perMinute: null,
    perHour: null,
  },
): { perMinute: number | null; perHour: number | null } {
  const pick = (window: 'perMinute' | 'perHour', variable: string) => {
    const value = requested?.[window];
    if (value === undefined) return current[window];
    if (value !== null && value > server[window]) {
      throw new DomainError(
        'BadRequest',
        `rateLimit.${window} may only lower the server's limit (${variable}=${server[window]})`,
      );
    }
    return value;
  };
  return {
    perMinute: pick('perMinute', 'TOKEN_RATE_PER_MINUTE'),
    perHour: pick('perHour', 'TOKEN_RATE_PER_HOUR'),
  };
}

/**
 * A rotation's new expiry: a fresh lifetime for tokens made with one, else the old expiry;
 * within `maxLifetimeDays` when a cap is set (it may have been lowered since).
 */
export function rotatedExpiry(
  old: { lifetimeDays: number | null; expiresAt: Date | null },
  now: number,
  maxLifetimeDays?: number,
): Date | null {
  const at = old.lifetimeDays ? new Date(now + old.lifetimeDays * DAY_MS) : old.expiresAt;
  if (maxLifetimeDays === undefined) return at;
  const cap = new Date(now + maxLifetimeDays * DAY_MS);
  return at === null || at > cap ? cap : at;
}

/** Allowlist entries in canonical form, without duplicates. */
export function canonicalIps(entries: readonly string[]): string[] {
  return [...new Set(entries.map((entry) => canonicalAllowedIp(entry)!))];
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** The scopes of `scopes` that still exist (the policy file may have dropped some since). */
export function knownScopes(registry: ScopeRegistry, scopes: readonly string[]): string[] {
  return scopes.filter((scope) => registry.isKnown(scope));
}

/** The API token a request was made with; a session token has none (400). */
export function currentTokenOf(principal: Pick<AuthPrincipal, 'tokenId'>): string {
  if (!principal.tokenId) {
    throw new DomainError(
      'BadRequest',
      'This request was made with a session token, not an API token',
    );
  }
  return principal.tokenId;
}
