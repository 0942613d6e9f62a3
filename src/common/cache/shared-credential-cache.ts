import type { MetricsService } from '../metrics/metrics.service.js';
import { CredentialCache } from './credential-cache.js';
import type { CacheName, InvalidationBus } from './invalidation-bus.js';

/**
 * A {@link CredentialCache} that one kind of credential shares across the instances: every
 * invalidation here reaches the other instances' caches through the bus (keys only, never a
 * secret), and what they invalidate is dropped here. Lookups are counted under `metricsLabel`.
 */
export class SharedCredentialCache<V> extends CredentialCache<V> {
  constructor(
    private readonly cacheName: CacheName,
    metricsLabel: string,
    ttlSeconds: number,
    private readonly bus: InvalidationBus,
    metrics: MetricsService,
  ) {
    super(ttlSeconds * 1000);
    this.countLookups(
      metrics.cacheLookups.child({ cache: metricsLabel, result: 'hit' }),
      metrics.cacheLookups.child({ cache: metricsLabel, result: 'miss' }),
    );
    bus.join(cacheName, {
      invalidateLocally: (keys) => super.invalidate(keys),
      capLifetime: (ms) => this.capLifetime(ms),
    });
  }

  override invalidate(keys: Iterable<string>): void {
    void this.invalidateEverywhere(keys);
  }

  /**
   * Drops the entries here and tells the other instances; resolves once Redis has taken the
   * message (see InvalidationBus.publish), so that an answer sent after it is not contradicted
   * by the next request to another instance.
   */
  invalidateEverywhere(keys: Iterable<string>): Promise<void> {
    const list = [...keys];
    super.invalidate(list);
    return this.bus.publish(this.cacheName, list);
  }
}
