import type { DataSource } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
import { MemoryRateLimiter } from '../common/rate-limit/rate-limiter.js';
import type { RedisConnections } from '../common/redis/redis-connections.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { TokenLookupRepository } from './token-lookup.repository.js';
import type { TokenQuotas } from '../usage/token-quotas.js';
import type { UsageCounter } from '../usage/usage-counter.js';
import type { LastUsedTracker } from './last-used.tracker.js';
import { TokenCache } from './token-cache.js';
import { generateApiToken } from './token-format.js';
import { TokenVerifierService } from './token-verifier.service.js';

const metrics = new MetricsService();
/** One instance: no Redis, so the bus carries nothing. */
const bus = new InvalidationBus({ enabled: false } as RedisConnections, metrics, {
  redisPrefix: 'test:',
  degradedCacheTtlSeconds: 2,
} as AppConfig);

/** The columns of the lookup's row that the checks do not read. */
const ROW_REST = {
  name: 'a token',
  description: null,
  prefix: 'tsr_abcd',
  created_at: new Date(0),
  last_used_at: null,
  last_used_ip: null,
  email: 'u-1@example.test',
  user_name: null,
  user_created_at: new Date(0),
  user_disabled: false,
  rate_per_minute: null,
  rate_per_hour: null,
  quota_limit: null,
  quota_period: null,
  lineage_id: null,
  external_id: null,
};

describe('TokenVerifierService', () => {
  const config = {
    tokenCacheTtlSeconds: 30,
    tokenRatePerMinute: 10,
    tokenRatePerHour: 100,
  } as AppConfig;

  function verifier() {
    const queries: unknown[][] = [];
    const dataSource = {
      query: (...args: unknown[]) => {
        queries.push(args);
        return Promise.resolve([]);
      },
    } as unknown as DataSource;
    const tracker = { touch: () => undefined } as unknown as LastUsedTracker;
    const cache = new TokenCache(config, bus, metrics);
    return {
      queries,
      cache,
      verifier: new TokenVerifierService(
        new TokenLookupRepository(dataSource),
        cache,
        new MemoryRateLimiter(),
        tracker,
        { count: () => undefined } as unknown as UsageCounter,
        {} as TokenQuotas,
        config,
        metrics,
      ),
    };
  }

  async function refusal(promise: Promise<unknown>): Promise<DomainError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('refuses a bad checksum without a lookup or a cache entry', async () => {
    const { verifier: v, queries, cache } = verifier();
    const token = generateApiToken();
    const bad = token.slice(0, -6) + (token.endsWith('000000') ? '000001' : '000000');
    for (const candidate of [bad, 'tsr_short', `${token}x`, 'TSR_x', 'a b', 'x'.repeat(1025)]) {
      expect((await refusal(v.authenticate(candidate, '127.0.0.1'))).status).toBe(401);
    }
    expect(queries).toHaveLength(0);
    expect(cache.size).toBe(0);
  });

  it('looks a well-formed token up once, then answers from the cache', async () => {
    const { verifier: v, queries, cache } = verifier();
    const token = generateApiToken();
    await refusal(v.authenticate(token, '127.0.0.1'));
    await refusal(v.authenticate(token, '127.0.0.1'));
    expect(queries).toHaveLength(1);
    expect(cache.size).toBe(1);
  });

  it('looks a string of another form up once, as a possible imported token, then answers from the cache', async () => {
    const { verifier: v, queries, cache } = verifier();
    for (let i = 0; i < 3; i++) {
      expect((await refusal(v.authenticate('sk_live_unknown-key', '127.0.0.1'))).status).toBe(401);
    }
    expect(queries).toHaveLength(1);
    expect(cache.size).toBe(1);
  });
});

describe('TokenVerifierService and imported tokens', () => {
  const config = {
    tokenCacheTtlSeconds: 30,
    tokenRatePerMinute: 10,
    tokenRatePerHour: 100,
  } as AppConfig;
  /** A verifier whose every lookup finds a token imported (or not) in its old form. */
  const finding = (legacy: boolean) => {
    const row = { id: 't-1', user_id: 'u-1', role: 'user', legacy, scopes: ['tokens:read'] };
    const dataSource = {
      query: () =>
        Promise.resolve([
          { ...row, ...ROW_REST, allowed_ips: [], expires_at: null, revoked_at: null },
        ]),
    } as unknown as DataSource;
    return new TokenVerifierService(
      new TokenLookupRepository(dataSource),
      new TokenCache(config, bus, metrics),
      new MemoryRateLimiter(),
      { touch: () => undefined } as unknown as LastUsedTracker,
      { count: () => undefined } as unknown as UsageCounter,
      {} as TokenQuotas,
      config,
      metrics,
    );
  };

  it('accepts an imported row only for a string in the old form, and a tsr_ row only for a tsr_ string', async () => {
    const imported = finding(true);
    expect((await imported.authenticate('sk_live_0123456789', '127.0.0.1')).tokenId).toBe('t-1');
    const chosen = await imported.authenticate(generateApiToken(), '127.0.0.1').catch((e) => e);
    expect(chosen).toMatchObject({ reason: 'NOT_FOUND', status: 401 });

    const ours = finding(false);
    expect((await ours.authenticate(generateApiToken(), '127.0.0.1')).tokenId).toBe('t-1');
    const other = await ours.authenticate('sk_live_0123456789', '127.0.0.1').catch((e) => e);
    expect(other).toMatchObject({ reason: 'NOT_FOUND', status: 401 });
  });
});

describe('TokenVerifierService rate limits', () => {
  it('refuses past a window, with Retry-After of the window that frees up last', async () => {
    const config = {
      tokenCacheTtlSeconds: 30,
      tokenRatePerMinute: 2,
      tokenRatePerHour: 2,
    } as AppConfig;
    const dataSource = {
      query: () =>
        Promise.resolve([
          {
            id: 't-1',
            user_id: 'u-1',
            role: 'user',
            legacy: false,
            scopes: ['tokens:read'],
            allowed_ips: [],
            expires_at: null,
            revoked_at: null,
            ...ROW_REST,
          },
        ]),
    } as unknown as DataSource;
    const tracker = { touch: () => undefined } as unknown as LastUsedTracker;
    const v = new TokenVerifierService(
      new TokenLookupRepository(dataSource),
      new TokenCache(config, bus, metrics),
      new MemoryRateLimiter(),
      tracker,
      { count: () => undefined } as unknown as UsageCounter,
      {} as TokenQuotas,
      config,
      metrics,
    );
    const token = generateApiToken();
    const first = await v.authenticate(token, '127.0.0.1');
    expect(first.rateLimit).toMatchObject({ limit: 2, remaining: 1 });
    await v.authenticate(token, '127.0.0.1');
    let refusal: DomainError | undefined;
    try {
      await v.authenticate(token, '127.0.0.1');
    } catch (error) {
      refusal = error as DomainError;
    }
    expect(refusal?.status).toBe(429);
    // Both windows are full: the hour's reset, not the minute's, says when to come back.
    expect(Number(refusal?.headers['Retry-After'])).toBeGreaterThan(3500);
  });
});

describe('TokenVerifierService refusal reasons', () => {
  const config = {
    tokenCacheTtlSeconds: 30,
    tokenRatePerMinute: 1,
    tokenRatePerHour: 100,
  } as AppConfig;

  function verifying(row: Record<string, unknown> | null) {
    const dataSource = {
      query: () => Promise.resolve(row ? [row] : []),
    } as unknown as DataSource;
    const tracker = { touch: () => undefined } as unknown as LastUsedTracker;
    return new TokenVerifierService(
      new TokenLookupRepository(dataSource),
      new TokenCache(config, bus, metrics),
      new MemoryRateLimiter(),
      tracker,
      { count: () => undefined } as unknown as UsageCounter,
      {} as TokenQuotas,
      config,
      metrics,
    );
  }
  const row = (fields: Record<string, unknown> = {}) => ({
    id: 't-1',
    user_id: 'u-1',
    role: 'user',
    legacy: false,
    scopes: ['tokens:read', 'tokens:introspect'],
    allowed_ips: [],
    expires_at: null,
    revoked_at: null,
    ...ROW_REST,
    ...fields,
  });
  async function reason(v: TokenVerifierService, ip = '127.0.0.1', exempt?: string[]) {
    try {
      await v.authenticate(generateApiToken(), ip, { exemptScopes: exempt });
    } catch (error) {
      if (error instanceof CredentialRefused) return { reason: error.reason, status: error.status };
      throw error;
    }
    return { reason: 'VALID', status: 200 };
  }
  const past = new Date(Date.now() - 60_000);
  const earlier = new Date(Date.now() - 120_000);
  const future = new Date(Date.now() + 60_000);

  it.each([
    ['unknown', null, 'NOT_FOUND', 401],
    ['expired', row({ expires_at: past }), 'EXPIRED', 401],
    ['revoked', row({ revoked_at: past }), 'REVOKED', 401],
    ['rotated, in its grace period', row({ revoked_at: future }), 'VALID', 200],
    ['revoked, then expired', row({ revoked_at: earlier, expires_at: past }), 'REVOKED', 401],
    ['expired, then revoked', row({ revoked_at: past, expires_at: earlier }), 'EXPIRED', 401],
    ['outside its allowlist', row({ allowed_ips: ['203.0.113.0/24'] }), 'IP_NOT_ALLOWED', 401],
    ["its owner's account disabled", row({ user_disabled: true }), 'USER_DISABLED', 401],
    [
      'revoked, of a disabled owner',
      row({ user_disabled: true, revoked_at: past }),
      'REVOKED',
      401,
    ],
  ])('names why a token that is %s is refused', async (_, stored, expected, status) => {
    expect(await reason(verifying(stored))).toEqual({ reason: expected, status });
  });

  it("holds a token to its own lower limits, and to the server's where they are lower", async () => {
    const own = verifying(row({ rate_per_minute: 5, rate_per_hour: 1 }));
    expect(await reason(own)).toEqual({ reason: 'VALID', status: 200 });
    expect(await reason(own)).toEqual({ reason: 'RATE_LIMITED', status: 429 });
    // The server's limit (1 a minute here) was lowered below the token's own since.
    const stale = verifying(row({ rate_per_minute: 50 }));
    expect(await reason(stale)).toEqual({ reason: 'VALID', status: 200 });
    expect(await reason(stale)).toEqual({ reason: 'RATE_LIMITED', status: 429 });
  });

  it('says RATE_LIMITED with 429, and charges nothing to a holder of an exempt scope', async () => {
    const v = verifying(row());
    expect(await reason(v)).toEqual({ reason: 'VALID', status: 200 });
    expect(await reason(v)).toEqual({ reason: 'RATE_LIMITED', status: 429 });
    // Only an admin's token holds tokens:introspect.
    const exempt = verifying(row({ role: 'admin' }));
    for (let i = 0; i < 3; i++) {
      expect(await reason(exempt, '127.0.0.1', ['tokens:introspect'])).toEqual({
        reason: 'VALID',
        status: 200,
      });
    }
    // An exemption for a scope the token does not hold changes nothing.
    const other = verifying(row({ role: 'admin' }));
    await reason(other, '127.0.0.1', ['tokens:verify']);
    expect(await reason(other, '127.0.0.1', ['tokens:verify'])).toMatchObject({
      reason: 'RATE_LIMITED',
    });
  });
});
