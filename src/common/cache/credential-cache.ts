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
 * - While changes made elsewhere may go unheard (the invalidation bus is down), a lifetime cap
 *   shortens every entry; lifting it empties the cache.
 */
export class CredentialCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly misses = new Map<string, { value: V; until: number }>();
  private readonly loading = new Map<string, { generation: number; promise: Promise<V> }>();
  /** Bumped by every invalidation. */
  private generation = 0;
  private ttlMs: number;
  private stats?: { hit: { inc(): void }; miss: { inc(): void } };

  constructor(
    private readonly fullTtlMs: number,
    private readonly maxEntries = 100_000,
  ) {
    this.ttlMs = fullTtlMs;
  }

  /** Counts lookups that found a fresh entry, and those that did not. */
  countLookups(hit: { inc(): void }, miss: { inc(): void }): void {
    this.stats = { hit, miss };
  }

  /** The fresh entry of `key`, if there is one: the hot path's way to skip a promise. */
  peek(key: string): { readonly value: V } | undefined {
    const hit = this.entries.get(key) ?? this.misses.get(key);
    if (hit && hit.until > Date.now()) {
      this.stats?.hit.inc();
      return hit;
    }
    return undefined;
  }

  async get(key: string, load: (key: string) => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key) ?? this.misses.get(key);
    if (hit && hit.until > now) {
      this.stats?.hit.inc();
      return hit.value;
    }
    this.stats?.miss.inc();

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

  /** Drops every entry; loads in flight do not store what they read. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.misses.clear();
  }

  /**
   * `capMs`: from now on no entry lives longer than that, those held included. Undefined: the
   * full lifetime again, starting from an empty cache.
   */
  capLifetime(capMs: number | undefined): void {
    if (capMs === undefined) {
      if (this.ttlMs === this.fullTtlMs) return;
      this.ttlMs = this.fullTtlMs;
      this.clear();
      return;
    }
    this.ttlMs = Math.min(capMs, this.fullTtlMs);
    const until = Date.now() + this.ttlMs;
    for (const map of [this.entries, this.misses]) {
      for (const entry of map.values()) if (entry.until > until) entry.until = until;
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
