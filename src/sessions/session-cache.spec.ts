import type { AppConfig } from '../common/config/app-config.js';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
import type { RedisConnections } from '../common/redis/redis-connections.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { SessionCache, type SessionState } from './session-cache.js';

const metrics = new MetricsService();
/** One instance: no Redis, so the bus carries nothing. */
const bus = new InvalidationBus({ enabled: false } as RedisConnections, metrics, {
  redisPrefix: 'test:',
  degradedCacheTtlSeconds: 2,
} as AppConfig);
const cacheWith = (ttlSeconds: number) =>
  new SessionCache({ sessionCacheTtlSeconds: ttlSeconds } as AppConfig, bus, metrics);

const state = (revoked: boolean): SessionState => ({
  userId: 'u',
  role: 'user',
  disabled: false,
  scopes: null,
  revoked,
  endsAt: Date.now() + 60_000,
  authTime: Date.now(),
  secondFactor: false,
  account: { email: 'u@example.test', name: null, createdAt: 0 },
});

describe('SessionCache', () => {
  it('loads once while the entry is fresh, and again after an invalidation', async () => {
    const cache = cacheWith(30);
    let loads = 0;
    const load = async () => {
      loads++;
      return state(loads > 1);
    };
    expect(await cache.get('s', load)).toMatchObject({ revoked: false });
    expect(await cache.get('s', load)).toMatchObject({ revoked: false });
    expect(loads).toBe(1);
    cache.invalidate(['s']);
    expect(await cache.get('s', load)).toMatchObject({ revoked: true });
    expect(loads).toBe(2);
  });

  it('does not keep what a load read before an invalidation that happened while it ran', async () => {
    const cache = cacheWith(30);
    let release!: () => void;
    const slowLoad = () =>
      new Promise<SessionState>((resolve) => (release = () => resolve(state(false))));
    const pending = cache.get('s', slowLoad);
    cache.invalidate(['s']); // the revocation commits while the stale read is in flight
    release();
    expect(await pending).toMatchObject({ revoked: false });
    expect(cache.size).toBe(0);
    expect(await cache.get('s', async () => state(true))).toMatchObject({ revoked: true });
  });

  it('caches nothing when the TTL is zero', async () => {
    const cache = cacheWith(0);
    let loads = 0;
    const load = async () => (loads++, state(false));
    await cache.get('s', load);
    await cache.get('s', load);
    expect(loads).toBe(2);
  });
});

describe('SessionCache under concurrent misses', () => {
  it('shares one load between concurrent misses of one key', async () => {
    const cache = cacheWith(30);
    let loads = 0;
    let release!: () => void;
    const load = () => {
      loads++;
      return new Promise<SessionState>((resolve) => (release = () => resolve(state(false))));
    };
    const all = Promise.all([cache.get('s', load), cache.get('s', load), cache.get('s', load)]);
    release();
    expect(await all).toHaveLength(3);
    expect(loads).toBe(1);
  });

  it('does not let a request that arrives after an invalidation join a load begun before it', async () => {
    const cache = cacheWith(30);
    let releaseStale!: () => void;
    const stale = cache.get(
      's',
      () => new Promise<SessionState>((resolve) => (releaseStale = () => resolve(state(false)))),
    );
    cache.invalidate(['s']);
    const fresh = cache.get('s', async () => state(true));
    releaseStale();
    expect(await stale).toMatchObject({ revoked: false });
    expect(await fresh).toMatchObject({ revoked: true });
  });
});
