import { Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisQuotaLimiter } from '../../src/common/rate-limit/redis-quota-limiter.js';
import { RedisRateLimiter } from '../../src/common/rate-limit/redis-rate-limiter.js';
import { HotChild } from '../../src/common/metrics/metrics.service.js';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep, waitFor } from '../support/time.js';

const describeRedis = await describeWithRedis('test/integration/redis-rate-limiter.int.spec.ts');

const windows = [
  { key: 'token:1:minute', limit: 2, windowSeconds: 60 },
  { key: 'token:1:hour', limit: 3, windowSeconds: 3600 },
];

describeRedis('Rate windows and quotas in Redis', () => {
  const clients: Redis[] = [];
  let prefix: string;
  const client = (url = TEST_REDIS_URL) => {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    clients.push(redis);
    return redis;
  };
  const ready = (redis: Redis) => waitFor(async () => redis.status === 'ready');

  /**
   * Two instances' connections, one through a proxy the test cuts and resumes, with the logger
   * watched; `fallbacks` counts the decisions taken without Redis.
   */
  async function cutOffRedis(
    run: (redis: {
      proxy: TcpProxy;
      viaProxy: Redis;
      direct: Redis;
      fallbacks: HotChild;
      warn: jest.SpiedFunction<Logger['warn']>;
      log: jest.SpiedFunction<Logger['log']>;
    }) => Promise<void>,
  ): Promise<void> {
    const proxy = await TcpProxy.start(TEST_REDIS_URL);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const viaProxy = client(proxy.rewrite(TEST_REDIS_URL));
      const direct = client();
      await Promise.all([ready(viaProxy), ready(direct)]);
      await run({ proxy, viaProxy, direct, fallbacks: new HotChild(), warn, log });
    } finally {
      warn.mockRestore();
      log.mockRestore();
      await proxy.stop();
    }
  }

  beforeEach(() => {
    prefix = uniqueRedisPrefix();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((redis) => redis.quit().catch(() => undefined)));
  });

  it('charges every window or none, across two instances', async () => {
    const [a, b] = [client(), client()];
    await Promise.all([ready(a), ready(b)]);
    const first = new RedisRateLimiter(a, prefix);
    const second = new RedisRateLimiter(b, prefix);
    const allowed = async (limiter: RedisRateLimiter) =>
      (await limiter.consumeAll(windows)).map((result) => result.allowed);

    expect(await allowed(first)).toEqual([true, true]);
    expect(await allowed(second)).toEqual([true, true]);
    // The shared minute is full: refused on either instance, and the hour is not charged.
    expect(await allowed(first)).toEqual([false, true]);
    expect(await allowed(second)).toEqual([false, true]);
    expect(await a.get(`${prefix}rl:{token:1}:minute`)).toBe('2');
    expect(await a.get(`${prefix}rl:{token:1}:hour`)).toBe('2');

    // A new minute: the hour's third and last request, then the hour refuses, and the fresh
    // minute is not charged for it either.
    await a.del(`${prefix}rl:{token:1}:minute`);
    expect(await allowed(second)).toEqual([true, true]);
    const [minute, hour] = await first.consumeAll(windows);
    expect(minute).toMatchObject({ allowed: true, remaining: 1 });
    expect(hour).toMatchObject({ allowed: false, remaining: 0 });
    expect(hour.resetSeconds).toBeGreaterThan(3590);
    expect(await a.get(`${prefix}rl:{token:1}:minute`)).toBe('1');
    expect(await a.pttl(`${prefix}rl:{token:1}:minute`)).toBeGreaterThan(59_000);
  });

  it('takes back a charged decision, never below zero and without starting a counter', async () => {
    const redis = client();
    await ready(redis);
    const limiter = new RedisRateLimiter(redis, prefix);
    await limiter.consumeAll(windows);
    await limiter.consumeAll(windows);
    const minute = `${prefix}rl:{token:1}:minute`;
    await limiter.refund(windows);
    expect(await redis.get(minute)).toBe('1');
    expect(await redis.get(`${prefix}rl:{token:1}:hour`)).toBe('1');
    // Its expiry is kept.
    expect(await redis.pttl(minute)).toBeGreaterThan(50_000);
    await limiter.refund(windows);
    await limiter.refund(windows);
    expect(await redis.get(minute)).toBe('0');
    await redis.del(minute);
    await limiter.refund(windows);
    expect(await redis.exists(minute)).toBe(0);

    // A quota and its windows, in one call.
    const quotas = new RedisQuotaLimiter(redis, prefix);
    const use = {
      subject: 'token:q',
      windows: [{ name: ':m', limit: 5, windowSeconds: 60 }],
      quota: { key: ':2026-01', limit: 3, expiresAt: null },
      seed: 0,
    };
    await quotas.consume(use);
    await quotas.consume(use);
    await quotas.refund(use);
    expect(await quotas.used('token:q', ':2026-01')).toBe(1);
    expect(await redis.get(`${prefix}rl:{token:q}:m`)).toBe('1');
  });

  it('allows exactly the limit under concurrent requests from four instances', async () => {
    const redis = [client(), client(), client(), client()];
    await Promise.all(redis.map(ready));
    const limiters = redis.map((r) => new RedisRateLimiter(r, prefix));
    const limit = [
      { key: 'token:2:m', limit: 50, windowSeconds: 60 },
      { key: 'token:2:h', limit: 1000, windowSeconds: 3600 },
    ];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => limiters[i % 4].consumeAll(limit)),
    );
    expect(results.filter(([m, h]) => m.allowed && h.allowed)).toHaveLength(50);
    expect(await redis[0].get(`${prefix}rl:{token:2}:h`)).toBe('50');
  });

  it('counts alone, with one warning, while Redis is cut off, and shares again once it is back', async () => {
    await cutOffRedis(async ({ proxy, viaProxy, direct, fallbacks, warn }) => {
      const limiter = new RedisRateLimiter(viaProxy, prefix, fallbacks);
      const other = new RedisRateLimiter(direct, prefix);
      const one = [{ key: 'k', limit: 3, windowSeconds: 60 }];

      expect((await limiter.consume('k', 3, 60)).allowed).toBe(true);
      await proxy.stop();
      // Down: still answers, from its own counters (which start from zero).
      const during = [];
      for (let i = 0; i < 5; i++) during.push((await limiter.consumeAll(one))[0].allowed);
      expect(during).toEqual([true, true, true, false, false]);
      expect(fallbacks.pending).toBe(5);
      const warnings = warn.mock.calls.filter(([m]) => JSON.stringify(m).includes('Redis'));
      expect(warnings).toHaveLength(1);

      await proxy.resume();
      await ready(viaProxy);
      await sleep(1_000); // after a failed call Redis is left alone for a second
      // Back: the shared count (1 so far) decides again, on both instances.
      expect((await limiter.consume('k', 3, 60)).remaining).toBe(1);
      expect((await other.consume('k', 3, 60)).remaining).toBe(0);
      expect((await limiter.consume('k', 3, 60)).allowed).toBe(false);
      expect(fallbacks.pending).toBe(5);
    });
  });

  it('counts quotas alone, with one warning, while Redis is cut off, and shares them again once it is back', async () => {
    await cutOffRedis(async ({ proxy, viaProxy, direct, fallbacks, warn, log }) => {
      const limiter = new RedisQuotaLimiter(viaProxy, prefix, fallbacks);
      const other = new RedisQuotaLimiter(direct, prefix);
      const use = {
        subject: 'token:q',
        windows: [{ name: ':m', limit: 100, windowSeconds: 60 }],
        quota: { key: ':total', limit: 3, expiresAt: null },
        seed: 0,
      };
      const allowed = async (on: RedisQuotaLimiter) => {
        const decision = await on.consume(use);
        return decision.kind === 'decided' && decision.allowed;
      };

      expect(await allowed(limiter)).toBe(true);
      await proxy.stop();
      // Down: still answers, from its own counters, started from the seed (none spent).
      const during = [];
      for (let i = 0; i < 5; i++) during.push(await allowed(limiter));
      expect(during).toEqual([true, true, true, false, false]);
      expect(fallbacks.pending).toBe(5);
      const warnings = warn.mock.calls.filter(([m]) => JSON.stringify(m).includes('quotas'));
      expect(warnings).toHaveLength(1);

      await proxy.resume();
      await ready(viaProxy);
      await sleep(1_000); // after a failed call Redis is left alone for a second
      // Back: the shared count (1 so far) decides again, on both instances.
      expect(await limiter.used('token:q', ':total')).toBe(1);
      expect(await allowed(other)).toBe(true);
      expect(await allowed(limiter)).toBe(true);
      expect(await allowed(other)).toBe(false);
      expect(await direct.get(`${prefix}rl:{token:q}:total`)).toBe('3');
      expect(fallbacks.pending).toBe(5);
      const back = log.mock.calls.filter(([m]) => String(m).includes('quotas are shared'));
      expect(back).toHaveLength(1);
    });
  });
});
