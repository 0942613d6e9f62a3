import { Injectable } from '@nestjs/common';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { AppConfig } from '../common/config/app-config.js';
import { sha256Base64 } from '../common/crypto/crypto.js';
import { CredentialRefused, type RefusalReason } from '../common/auth/credential-refusal.js';
import {
  RateLimiter,
  type RateLimitResult,
  type RateWindow,
} from '../common/rate-limit/rate-limiter.js';
import { MetricsService, type HotChild } from '../common/metrics/metrics.service.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { TokenLookupRepository } from './token-lookup.repository.js';
import { IpAllowlist } from './ip-allowlist.js';
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
   * its last use.
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
    const state = await this.check(token, now, options.lookupRefused);
    if (state === LOOKED_UP_IN_VAIN) throw CredentialRefused.lookedUpInVain();
    if (typeof state === 'string') throw CredentialRefused.because(state);
    // Checked before the rate limit: requests from elsewhere must not use up the owner's budget.
    // The 401 says the address is the problem, and nothing of the token's allowlist.
    if (!state.allowlist.allows(ip)) throw CredentialRefused.because('IP_NOT_ALLOWED');
    const exempt = options.exemptScopes?.some((scope) => state.scopes.includes(scope));
    const rateLimit = exempt ? undefined : await this.consumeRate(state);
    this.lastUsed.touch(state.id, ip, now);
    return {
      userId: state.userId,
      orgId: state.orgId,
      role: state.role,
      scopes: state.scopes,
      tokenId: state.id,
      rateLimit,
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
    const state = await this.check(token, Date.now());
    return typeof state === 'string' ? null : state;
  }

  /** The token's state if it is active at `now`, else why not. */
  private async check(
    token: string,
    now: number,
    lookupRefused?: CredentialRefused,
  ): Promise<TokenState | Exclude<RefusalReason, 'RATE_LIMITED'> | typeof LOOKED_UP_IN_VAIN> {
    // A typo in a tsr_ token costs neither a cache slot nor a query. Any other string may be an
    // imported secret: one query the first time, then a cached "not found".
    const legacy = !token.startsWith(API_TOKEN_PREFIX);
    if (legacy && !isLegacyTokenShape(token)) return 'NOT_FOUND';
    const key = sha256Base64(token);
    // A fresh entry is a token whose checksum was checked when it was loaded (misses of tsr_
    // strings are stored only for well-formed ones); anything else is checked before it may
    // cost a cache slot or a query.
    let state = this.cache.peek(key)?.value;
    if (state === undefined) {
      if (!legacy && !isWellFormedApiToken(token)) return 'NOT_FOUND';
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
    if (!state || state.legacy !== legacy) return 'NOT_FOUND';
    // Both revoked and expired: whichever ended it first.
    const ended = endOfTokenAt(state.revokedAt, state.expiresAt, now);
    if (ended !== null) return ended === 'revoked' ? 'REVOKED' : 'EXPIRED';
    if (state.userDisabled) return 'USER_DISABLED';
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
   * windows charged together or not at all); a request the organization's budget refuses has
   * used the token's own allowance, never the reverse, so one token cannot spend the budget
   * of the others with requests its own limits refuse.
   */
  private async consumeRate(state: TokenState): Promise<RateLimitResult> {
    const own = await this.limiter.consumeAll(state.windows);
    let nearest = refusedOrNearest(own);
    if (!nearest.allowed) {
      this.refusals.inc();
      throw CredentialRefused.rateLimited(
        nearest,
        'Rate limit of this API token exceeded; try again later',
        { 'RateLimit-Budget': 'token' },
      );
    }
    if (state.orgWindows) {
      const shared = refusedOrNearest(await this.limiter.consumeAll(state.orgWindows));
      if (!shared.allowed) {
        this.refusals.inc();
        throw CredentialRefused.rateLimited(
          shared,
          "Rate limit of this API token's organization exceeded (a budget all its tokens share); try again later",
          { 'RateLimit-Budget': 'organization' },
        );
      }
      if (shared.remaining < nearest.remaining) nearest = shared;
    }
    return nearest;
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
      },
      record: row.record,
      account: row.account,
      userDisabled: row.userDisabled,
      rateLimit,
      windows: this.windowsOf(row.id, rateLimit),
      orgWindows: row.orgId ? orgWindowsOf(row.orgId, row.orgRate) : null,
    };
  }
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
