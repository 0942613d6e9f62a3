import { MemoryQuotaLimiter } from './quota-limiter.js';
import { MemoryRateLimiter, rateLimited } from './rate-limiter.js';

describe('MemoryRateLimiter', () => {
  it('allows `limit` hits a window, then refuses until the window resets', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.consume('k', 3, 60));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
    expect(hits.map((h) => h.remaining)).toEqual([2, 1, 0, 0]);
    expect(hits[3].resetSeconds).toBe(60);
    now += 30_000;
    expect(await limiter.consume('k', 3, 60)).toMatchObject({ allowed: false, resetSeconds: 30 });
    expect(await limiter.consume('other', 3, 60)).toMatchObject({ allowed: true });
    now += 30_000;
    expect(await limiter.consume('k', 3, 60)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('turns a refusal into a 429 carrying Retry-After and RateLimit headers', () => {
    const error = rateLimited({ allowed: false, limit: 10, remaining: 0, resetSeconds: 42 });
    expect(error.status).toBe(429);
    expect(error.headers).toEqual({
      'Retry-After': '42',
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '42',
    });
  });
});

describe('MemoryRateLimiter.consumeAll', () => {
  const windows = [
    { key: 'minute', limit: 2, windowSeconds: 60 },
    { key: 'hour', limit: 3, windowSeconds: 3600 },
  ];

  it('charges every window, or none when one of them refuses', async () => {
    let now = 5_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const allowed = async () => (await limiter.consumeAll(windows)).map((r) => r.allowed);
    expect(await allowed()).toEqual([true, true]);
    expect(await allowed()).toEqual([true, true]);
    // The minute is used up: refused, and the hour is not charged for it.
    expect(await allowed()).toEqual([false, true]);
    expect(await allowed()).toEqual([false, true]);
    now += 60_000;
    expect(await allowed()).toEqual([true, true]); // the hour's third and last request
    // Now the hour refuses, and the fresh minute is not charged either.
    expect(await allowed()).toEqual([true, false]);
    const [minute, hour] = await limiter.consumeAll(windows);
    expect(minute).toMatchObject({ allowed: true, remaining: 1 });
    expect(hour).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 3540 });
  });
});

describe('refunds', () => {
  it('take a charged decision back from every window still running, never below zero', async () => {
    let now = 7_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const windows = [
      { key: 'm', limit: 2, windowSeconds: 60 },
      { key: 'h', limit: 5, windowSeconds: 3600 },
    ];
    await limiter.consumeAll(windows);
    await limiter.consumeAll(windows);
    await limiter.refund(windows);
    const [minute, hour] = await limiter.consumeAll(windows);
    expect(minute).toMatchObject({ allowed: true, remaining: 0 });
    expect(hour).toMatchObject({ allowed: true, remaining: 3 });
    for (let i = 0; i < 4; i++) await limiter.refund(windows);
    expect((await limiter.consumeAll(windows))[0]).toMatchObject({ remaining: 1 });
    // A finished window is not revived by a refund.
    now += 61_000;
    await limiter.refund(windows);
    expect((await limiter.consumeAll(windows))[0]).toMatchObject({ remaining: 1 });
  });

  it('take a use back from a quota and its windows', async () => {
    const limiter = new MemoryQuotaLimiter(() => 9_000_000);
    const use = {
      subject: 's',
      windows: [{ name: ':m', limit: 10, windowSeconds: 60 }],
      quota: { key: ':day', limit: 2, expiresAt: null },
      seed: 0,
    };
    await limiter.consume(use);
    await limiter.consume(use);
    await limiter.refund(use);
    expect(await limiter.used('s', ':day')).toBe(1);
    const decided = await limiter.consume(use);
    expect(decided).toMatchObject({ kind: 'decided', allowed: true, used: 2 });
    expect(decided.kind === 'decided' && decided.windows[0].remaining).toBe(8);
  });
});
