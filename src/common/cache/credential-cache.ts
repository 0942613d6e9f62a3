/**
 * A bounded in-process map from a credential key to what the database said about it, so that
 * the per-request check costs no round trip while the entry is fresh.
 *
 * - Invalidations in this process drop the entry at once; the TTL bounds how long a change
 *   made elsewhere (another instance, a manual SQL update) can go unseen.
 * - Concurrent misses of one key share one load.
 * - A load that began before an invalidation neither stores what it read (it may be the state
 *   from just before a revocation) nor is joined by requests that arrive after it.
 * - "Not found" (null) answers live in a smaller map of their own, so that a flood of made-up
 *   credentials cannot push real ones out.
 */
export class CredentialCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly misses = new Map<string, { value: V; until: number }>();
  private readonly loading = new Map<string, { generation: number; promise: Promise<V> }>();
  /** Bumped by every invalidation. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** The fresh entry of `key`, if there is one: the hot path's way to skip a promise. */
  peek(key: string): { readonly value: V } | undefined {
    const hit = this.entries.get(key) ?? this.misses.get(key);
    return hit && hit.until > Date.now() ? hit : undefined;
  }

  async get(key: string, load: (key: string) => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key) ?? this.misses.get(key);
    if (hit && hit.until > now) return hit.value;

    const generation = this.generation;
    const inFlight = this.loading.get(key);
    if (inFlight && inFlight.generation === generation) return inFlight.promise;

    const promise = load(key);
    this.loading.set(key, { generation, promise });
    try {
      const value = await promise;
      if (generation === this.generation && this.ttlMs > 0) this.store(key, value, now);
      return value;
    } finally {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    }
  }

  invalidate(keys: Iterable<string>): void {
    this.generation++;
    for (const key of keys) {
      this.entries.delete(key);
      this.misses.delete(key);
    }
  }

  /** Entries held, "not found" ones included. */
  get size(): number {
    return this.entries.size + this.misses.size;
  }

  private store(key: string, value: V, now: number) {
    const [map, max] =
      value === null
        ? [this.misses, Math.ceil(this.maxEntries / 10)]
        : [this.entries, this.maxEntries];
    map.delete(key);
    map.set(key, { value, until: now + this.ttlMs });
    if (map.size > max) {
      // Maps iterate in insertion order: the first key is the stalest entry.
      map.delete(map.keys().next().value as string);
    }
  }
}
