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
});
