import { CredentialCache } from './credential-cache.js';

describe('CredentialCache', () => {
  it('evicts the stalest entry beyond its bound', async () => {
    const cache = new CredentialCache<string | null>(60_000, 20);
    for (let i = 0; i < 21; i++) await cache.get(`k${i}`, async (key) => key);
    expect(cache.size).toBe(20);
    let loads = 0;
    await cache.get('k0', async (key) => (loads++, key));
    await cache.get('k20', async (key) => (loads++, key));
    expect(loads).toBe(1); // k0 was evicted, k20 was kept
  });

  it('keeps "not found" answers apart, so that a flood of them cannot evict real entries', async () => {
    const cache = new CredentialCache<string | null>(60_000, 20);
    await cache.get('real', async () => 'state');
    for (let i = 0; i < 100; i++) await cache.get(`made-up-${i}`, async () => null);
    expect(cache.size).toBe(1 + 2); // the real entry, and at most a tenth as many misses
    let loads = 0;
    expect(await cache.get('real', async () => (loads++, 'reloaded'))).toBe('state');
    expect(await cache.get('made-up-99', async () => (loads++, null))).toBeNull();
    expect(loads).toBe(0);
  });

  it('shortens every entry under a lifetime cap, and starts empty once the cap is lifted', async () => {
    const cache = new CredentialCache<string | null>(60_000);
    let loads = 0;
    const load = async (key: string) => (loads++, key);
    await cache.get('a', load);
    cache.capLifetime(50);
    await cache.get('a', load);
    expect(loads).toBe(1); // still held, for at most 50 ms more
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.get('a', load);
    expect(loads).toBe(2);
    await cache.get('b', load); // stored for 50 ms only
    cache.capLifetime(undefined);
    expect(cache.size).toBe(0);
    await cache.get('b', load);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.get('b', load);
    expect(loads).toBe(4); // b was loaded again after the lift, and then kept
  });
});
