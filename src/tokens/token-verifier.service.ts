import { Injectable } from '@nestjs/common';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { AppConfig } from '../common/config/app-config.js';
import { sha256Base64 } from '../common/crypto/crypto.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import {
  RateLimiter,
  type RateLimitResult,
  type RateWindow,
} from '../common/rate-limit/rate-limiter.js';
import { MetricsService, type HotChild } from '../common/metrics/metrics.service.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { TokenLookupRepository } from './token-lookup.repository.js';
import { IpAllowlist } from './ip-allowlist.js';
import type { MeteredUse } from '../common/rate-limit/quota-limiter.js';
import type { Quota } from '../usage/quota-period.js';
import { TokenQuotas } from '../usage/token-quotas.js';
import { UsageCounter } from '../usage/usage-counter.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { TokenCache, type TokenState } from './token-cache.js';
import { API_TOKEN_PREFIX, isLegacyTokenShape, isWellFormedApiToken } from './token-format.js';
import { endOfTokenAt } from './token-status.js';

/** NOT_FOUND after a query of its own (see the bearer strategy's throttle of unknown credentials). */
const LOOKED_UP_IN_VAIN = 'NOT_FOUND_AFTER_LOOKUP';

/**
 * The per-request check of an API token: checksum, then the in-process cache keyed by the
 * token's hash, then the database on a miss. Expiry is a comparison of times, so no job has to
 * run for a token to stop working. Revocation, rotation and changes made by this instance drop
 * the cache entry at once.
 */
@Injectable()
export class TokenVerifierService {
  private readonly refusals: HotChild;

  constructor(
    private readonly tokens: TokenLookupRepository,
    private readonly cache: TokenCache,
    private readonly limiter: RateLimiter,
    private readonly lastUsed: LastUsedTracker,
    private readonly usage: UsageCounter,
    private readonly quotas: TokenQuotas,
    private readonly config: AppConfig,
    metrics: MetricsService,
    /** Injected from the policy module; built-in scopes only when constructed by hand. */
    private readonly registry: ScopeRegistry = new ScopeRegistry(),
  ) {
    this.refusals = metrics.rateLimitRefusals.child({ limit: 'api_token' });
  }

  /**
   * A use of the token from `ip`: charged to its rate limits (unless it holds one of
   * `exemptScopes`, a service calling a route that does not charge services) and recorded as
   * its last use. Every use of a known token is counted with its outcome.
   * @throws CredentialRefused saying why the token may not be used.
   */
  async authenticate(
    token: string,
    ip: string,
    options: {
      exemptScopes?: readonly string[];
      /** Thrown instead of a lookup when the token is not in the cache (an address refused more lookups). */
      lookupRefused?: CredentialRefused;
    } = {},
  ): Promise<AuthPrincipal> {
    const now = Date.now();
    const state = await this.lookup(token, options.lookupRefused);
    if (state === LOOKED_UP_IN_VAIN) throw CredentialRefused.lookedUpInVain();
    if (state === null) throw CredentialRefused.because('NOT_FOUND');
    // The allowlist is checked before the rate limit: requests from elsewhere must not use up
    // the owner's budget. The 401 says the address is the problem, and nothing of the allowlist.
    const refused = refusalOf(state, now) ?? (state.allowlist.allows(ip) ? null : 'IP_NOT_ALLOWED');
    if (refused !== null) {
      this.usage.count(state.id, refused, now);
      throw CredentialRefused.because(refused);
    }
    const exempt = options.exemptScopes?.some((scope) => state.scopes.includes(scope));
    let rateLimit: RateLimitResult | undefined;
    let quota: AuthPrincipal['quota'];
    if (!exempt) {
      try {
        if (state.quota === null) {
          rateLimit = await this.consumeRate(state);
        } else {
          ({ rateLimit, quota } = await this.consumeMetered(state, state.quota, now));
        }
      } catch (error) {
        if (error instanceof CredentialRefused) this.usage.count(state.id, error.reason, now);
        throw error;
      }
    }
    this.lastUsed.touch(state.id, ip, now);
    this.usage.count(state.id, 'VALID', now);
    return {
      userId: state.userId,
      orgId: state.orgId,
      role: state.role,
      scopes: state.scopes,
      tokenId: state.id,
      rateLimit,
      quota,
      restrictions: state.restrictions,
      expiresAt: state.restrictions.endsAt,
      account: state.account,
      token: state.record,
    };
  }

  /**
   * What a token is, if it is active now, for introspection: no rate limit is charged and no
   * use recorded, since the token is not being used.
   */
  async inspect(token: string): Promise<TokenState | null> {
    const state = await this.lookup(token);
    if (state === null || state === LOOKED_UP_IN_VAIN) return null;
    return refusalOf(state, Date.now()) !== null ? null : state;
  }

  /** The token's state, active or not; null for a string that is no token. */
  private async lookup(
    token: string,
    lookupRefused?: CredentialRefused,
  ): Promise<TokenState | null | typeof LOOKED_UP_IN_VAIN> {
    // A typo in a tsr_ token costs neither a cache slot nor a query. Any other string may be an
    // imported secret: one query the first time, then a cached "not found".
    const legacy = !token.startsWith(API_TOKEN_PREFIX);
    if (legacy && !isLegacyTokenShape(token)) return null;
    const key = sha256Base64(token);
    // A fresh entry is a token whose checksum was checked when it was loaded (misses of tsr_
    // strings are stored only for well-formed ones); anything else is checked before it may
    // cost a cache slot or a query.
    let state = this.cache.peek(key)?.value;
    if (state === undefined) {
      if (!legacy && !isWellFormedApiToken(token)) return null;
      if (lookupRefused) throw lookupRefused;
      let looked = false;
      state = await this.cache.get(key, (k) => {
        looked = true;
        return this.load(k);
      });
      // Only a miss that cost this request a query is charged to its address (the bearer
      // strategy's throttle): an unknown string asked again is answered from the cache.
      if (!state && looked) return LOOKED_UP_IN_VAIN;
    }
    // The two forms never meet: an imported hash cannot make a chosen tsr_ string valid.
    if (!state || state.legacy !== legacy) return null;
    return state;
  }

  /** Drops cached states, by token hash, after a change in this instance, and on the others. */
  invalidate(tokenHashes: Iterable<Buffer>): Promise<void> {
    return this.cache.invalidateEverywhere(Array.from(tokenHashes, cacheKey));
  }

  /** A token's windows: per minute, then per hour, at its own limits where lower. */
  private windowsOf(tokenId: string, limits: TokenState['rateLimit']): readonly RateWindow[] {
    return [
      { key: `token:${tokenId}:m`, limit: limits.perMinute, windowSeconds: 60 },
      { key: `token:${tokenId}:h`, limit: limits.perHour, windowSeconds: 3600 },
    ];
  }

  /**
   * The token's own windows, then its organization's shared budget. Each is one decision (its
   * windows charged together or not at all). The budget is asked only once the token's own
   * windows let the request through, so one token cannot spend the budget of the others with
   * requests its own limits refuse; a request the budget then refuses is taken back from the
   * token's windows: a refused request is charged to nothing.
   */
  private async consumeRate(state: TokenState): Promise<RateLimitResult> {
    const own = this.ownDecision(refusedOrNearest(await this.limiter.consumeAll(state.windows)));
    return this.withOrgBudget(state, own, () => this.limiter.refund(state.windows));
  }

  /**
   * The windows and the quota in one decision (one Lua call with Redis): of N uses left and
   * more concurrent uses on any number of instances, exactly N go through; a refused use is
   * charged to nothing. The organization's budget, if any, follows as for any token: a use it
   * refuses is taken back from the quota and the windows (the budget's keys live in another
   * Redis Cluster slot than the token's, so it cannot join the one Lua call).
   */
  private async consumeMetered(
    state: TokenState,
    limit: Quota,
    now: number,
  ): Promise<{ rateLimit: RateLimitResult; quota: NonNullable<AuthPrincipal['quota']> }> {
    const { decision, period, use } = await this.quotas.consume(
      state.lineageId,
      state.meteredWindows,
      limit,
      now,
    );
    const quota = {
      limit: limit.limit,
      remaining: Math.max(0, limit.limit - decision.used),
      reset: period.end,
    };
    if (!decision.quotaAllowed) throw CredentialRefused.usageExceeded(quota, now);
    const own = this.ownDecision(refusedOrNearest(decision.windows));
    const rateLimit = await this.withOrgBudget(state, own, () => this.quotas.refund(use));
    return { rateLimit, quota };
  }

  /** The token's own windows' answer: the nearest to running out, or 429 naming the budget. */
  private ownDecision(nearest: RateLimitResult): RateLimitResult {
    if (!nearest.allowed) {
      this.refusals.inc();
      throw CredentialRefused.rateLimited(
        nearest,
        'Rate limit of this API token exceeded; try again later',
        { 'RateLimit-Budget': 'token' },
      );
    }
    return nearest;
  }

  /**
   * After the token's own answer: its organization's shared budget, when it has one. When the
   * budget refuses, `refund` takes the use back from what the token's own answer charged.
   */
  private async withOrgBudget(
    state: TokenState,
    nearest: RateLimitResult,
    refund: () => Promise<void>,
  ): Promise<RateLimitResult> {
    if (!state.orgWindows) return nearest;
    const shared = refusedOrNearest(await this.limiter.consumeAll(state.orgWindows));
    if (!shared.allowed) {
      await refund();
      this.refusals.inc();
      throw CredentialRefused.rateLimited(
        shared,
        "Rate limit of this API token's organization exceeded (a budget all its tokens share); try again later",
        { 'RateLimit-Budget': 'organization' },
      );
    }
    return shared.remaining < nearest.remaining ? shared : nearest;
  }

  private async load(key: string): Promise<TokenState | null> {
    const row = await this.tokens.findByHash(Buffer.from(key, 'base64'));
    if (!row) return null;
    // What the owner's role may hold now, the policy file's scopes included: a demoted owner's
    // tokens lose admin-only scopes, and a scope dropped from the file grants nothing.
    // An organization's token holds at most what a user may.
    const granted = this.registry.scopesOf(row.role === 'service' ? 'user' : row.role);
    const ends = [row.expiresAt, row.revokedAt].filter((at): at is Date => at !== null);
    const rateLimit = effectiveRateLimit(row, this.config);
    return {
      id: row.id,
      userId: row.userId,
      orgId: row.orgId,
      role: row.role,
      legacy: row.legacy,
      scopes: row.scopes.filter((scope) => granted.includes(scope)),
      allowlist: new IpAllowlist(row.allowedIps),
      expiresAt: row.expiresAt?.getTime() ?? null,
      revokedAt: row.revokedAt?.getTime() ?? null,
      restrictions: {
        allowedIps: row.allowedIps,
        endsAt: ends.length > 0 ? Math.min(...ends.map((at) => at.getTime())) : null,
        rateLimit,
        quota: row.record.quota,
      },
      record: row.record,
      account: row.account,
      userDisabled: row.userDisabled,
      rateLimit,
      windows: this.windowsOf(row.id, rateLimit),
      orgWindows: row.orgId ? orgWindowsOf(row.orgId, row.orgRate) : null,
      quota: row.record.quota,
      lineageId: row.record.lineageId,
      meteredWindows: meteredWindowsOf(row.id, row.record.lineageId, rateLimit),
    };
  }
}

/**
 * The windows of {@link TokenVerifierService.windowsOf} under the lineage's hash tag: for a
 * token never rotated (its own lineage) the very same Redis keys, so adding a quota keeps its
 * windows' counts; for a rotated one, named after the token within its lineage's slot.
 */
function meteredWindowsOf(
  id: string,
  lineageId: string,
  limits: TokenState['rateLimit'],
): MeteredUse['windows'] {
  const own = lineageId === id ? '' : `:${id}`;
  return [
    { name: `${own}:m`, limit: limits.perMinute, windowSeconds: 60 },
    { name: `${own}:h`, limit: limits.perHour, windowSeconds: 3600 },
  ];
}

/** Why a known token may not be used at `now`, or null when it may. */
function refusalOf(state: TokenState, now: number): 'EXPIRED' | 'REVOKED' | 'USER_DISABLED' | null {
  // Both revoked and expired: whichever ended it first.
  const ended = endOfTokenAt(state.revokedAt, state.expiresAt, now);
  if (ended !== null) return ended === 'revoked' ? 'REVOKED' : 'EXPIRED';
  return state.userDisabled ? 'USER_DISABLED' : null;
}

/** A token's own limits apply where they are below the server's (which may have been lowered since). */
export function effectiveRateLimit(
  token: { ratePerMinute: number | null; ratePerHour: number | null },
  config: Pick<AppConfig, 'tokenRatePerMinute' | 'tokenRatePerHour'>,
): { perMinute: number; perHour: number } {
  return {
    perMinute: Math.min(token.ratePerMinute ?? Infinity, config.tokenRatePerMinute),
    perHour: Math.min(token.ratePerHour ?? Infinity, config.tokenRatePerHour),
  };
}

/**
 * The windows of a decision: the one refusing (when every refusing window has room again,
 * for Retry-After), or the one nearest to running out.
 */
function refusedOrNearest(results: readonly RateLimitResult[]): RateLimitResult {
  const refusing = results.filter((window) => !window.allowed);
  if (refusing.length > 0) {
    return refusing.reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
  }
  return results.reduce((a, b) => (b.remaining < a.remaining ? b : a));
}

/** An organization's shared budget: keys `org:<id>:m|h`, so one hash tag `{org:<id>}`. */
export function orgWindowsOf(
  orgId: string,
  rate: { perMinute?: number; perHour?: number } | null | undefined,
): readonly RateWindow[] | null {
  const windows: RateWindow[] = [];
  if (rate?.perMinute) {
    windows.push({ key: `org:${orgId}:m`, limit: rate.perMinute, windowSeconds: 60 });
  }
  if (rate?.perHour) {
    windows.push({ key: `org:${orgId}:h`, limit: rate.perHour, windowSeconds: 3600 });
  }
  return windows.length > 0 ? windows : null;
}

function cacheKey(tokenHash: Buffer): string {
  return tokenHash.toString('base64');
}
