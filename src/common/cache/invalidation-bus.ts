import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MetricsService } from '../metrics/metrics.service.js';
import { AppConfig } from '../config/app-config.js';
import { RedisConnections } from '../redis/redis-connections.js';

/** The caches that follow invalidations made on other instances. */
export type CacheName = 'session' | 'token' | 'membership';

/** What a cache offers the bus. */
export interface BusMember {
  /** Drops entries because another instance changed them; publishes nothing. */
  invalidateLocally(keys: readonly string[]): void;
  /**
   * A lifetime cap (ms) while invalidations may go unheard, or undefined once they are heard
   * again. Lifting the cap also drops every entry: messages may have been missed meanwhile.
   */
  capLifetime(ms: number | undefined): void;
}

/**
 * Hears every invalidation this instance makes or receives, and whether changes made elsewhere
 * reach it (`exact`): the feed of `GET /verify/events`.
 */
export interface BusWatcher {
  changed(cache: CacheName, keys: readonly string[]): void;
  /** false while invalidations made on other instances may go unheard. */
  exactness(exact: boolean): void;
}

/** On the wire: origin, cache, keys, and the publisher's clock for the lag metric. */
interface Message {
  o: string;
  c: CacheName;
  k: string[];
  t: number;
}

/** Keys kept for re-publication while Redis cannot take them; beyond this they are dropped. */
const MAX_PENDING_KEYS = 10_000;
/**
 * The subscription is pinged this often, and taken for lost when a ping goes unanswered this
 * long: a connection can hang without closing (a dead peer, a dropped route).
 */
const HEARTBEAT_MS = 1_000;
const HEARTBEAT_TIMEOUT_MS = 1_000;

/**
 * Carries cache invalidations between instances over Redis pub/sub (one channel,
 * `<REDIS_PREFIX>invalidate`; sharded pub/sub on a Redis Cluster). A cache invalidates locally first, then publishes; every other
 * instance drops the same keys on receipt. Keys are session ids and SHA-256 hashes of API
 * tokens: nothing secret travels.
 *
 * Pub/sub keeps nothing for a subscriber that is away, so while the subscription is down the
 * caches keep entries at most DEGRADED_CACHE_TTL_SECONDS, and when it is back they start
 * empty. Invalidations this instance could not publish are published again once Redis is back.
 * Without REDIS_URL the bus does nothing and caches keep their full lifetime: one instance.
 */
@Injectable()
export class InvalidationBus implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly members = new Map<CacheName, BusMember>();
  private readonly watchers = new Set<BusWatcher>();
  private readonly pending = new Map<CacheName, Set<string>>();
  private readonly origin = randomUUID();
  private readonly channel: string;
  private readonly degradedMs: number;
  private listening = false;
  private stopped = false;
  private heartbeat?: NodeJS.Timeout;
  private pinging = false;

  constructor(
    private readonly redis: RedisConnections,
    private readonly metrics: MetricsService,
    config: AppConfig,
  ) {
    this.channel = redis.channel ?? `${config.redisPrefix}invalidate`;
    this.degradedMs = config.degradedCacheTtlSeconds * 1000;
  }

  /** Whether invalidations made elsewhere reach this instance right now. */
  get up(): boolean {
    return this.listening;
  }

  /** Whether every change to a credential, wherever made, is heard here (always, alone). */
  get exact(): boolean {
    return !this.enabled || this.listening;
  }

  /** Registers a watcher of every change; returns the call that removes it. */
  watch(watcher: BusWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  get enabled(): boolean {
    return this.redis.enabled;
  }

  join(name: CacheName, member: BusMember): void {
    this.members.set(name, member);
    // Until the subscription is confirmed, nothing published elsewhere is heard.
    if (this.enabled && !this.listening) member.capLifetime(this.degradedMs);
  }

  async onApplicationBootstrap(): Promise<void> {
    const bus = this.redis.bus;
    if (!bus) return;
    bus.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.receive(text);
    });
    bus.on('ready', () => void this.subscribe());
    bus.on('close', () => this.lost());
    if (bus.status === 'ready') await this.subscribe();
    this.redis.commands?.on('ready', () => void this.flushPending());
    this.heartbeat = setInterval(() => void this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Before the connections close: their closing is no outage. */
  beforeApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.heartbeat);
  }

  private async checkAlive(): Promise<void> {
    // A cluster's command connection has no single 'ready' after one master failed over.
    if (this.pending.size > 0 && this.redis.commandsUp) void this.flushPending();
    const bus = this.redis.bus!;
    if (!this.listening || this.pinging || bus.status !== 'ready') return;
    this.pinging = true;
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      bus.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), HEARTBEAT_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    this.pinging = false;
    if (answered || this.stopped) return;
    this.lost();
    bus.disconnect(true); // and dial again
  }

  /**
   * Sends `keys` to the other instances. Resolves once Redis has taken the message (and so
   * written it to every subscription) or has failed to: a revocation answered after this is
   * refused by the next request whichever instance gets it. Never rejects; a message Redis
   * could not take is sent again once it is back.
   */
  publish(cache: CacheName, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve();
    this.tellWatchers(cache, keys);
    if (!this.redis.commands) return Promise.resolve();
    return this.send(cache, [...keys]);
  }

  private async send(cache: CacheName, keys: string[]): Promise<void> {
    const message: Message = { o: this.origin, c: cache, k: keys, t: Date.now() };
    try {
      if (!this.redis.commandsUp) throw new Error('not connected');
      await this.redis.publish(JSON.stringify(message));
    } catch {
      // Sent again once Redis is back; the others hold short-lived entries meanwhile.
      const set = this.pending.get(cache) ?? new Set<string>();
      for (const key of keys) if (set.size < MAX_PENDING_KEYS) set.add(key);
      this.pending.set(cache, set);
    }
  }

  private async flushPending(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    for (const [cache, keys] of batches) {
      const list = [...keys];
      for (let i = 0; i < list.length; i += 500) await this.send(cache, list.slice(i, i + 500));
    }
  }

  private async subscribe(): Promise<void> {
    try {
      await this.redis.bus!.subscribe(this.channel);
    } catch {
      return; // the next 'ready' tries again
    }
    if (this.listening || this.stopped) return;
    this.listening = true;
    // Entries may have missed invalidations while nobody listened.
    for (const member of this.members.values()) member.capLifetime(undefined);
    for (const watcher of this.watchers) watcher.exactness(true);
    this.logger.log('Listening for invalidations from other instances');
  }

  private lost(): void {
    if (!this.listening || this.stopped) return;
    this.listening = false;
    for (const member of this.members.values()) member.capLifetime(this.degradedMs);
    for (const watcher of this.watchers) watcher.exactness(false);
    this.logger.warn(
      `Not hearing invalidations from other instances: caches keep entries at most ${this.degradedMs / 1000} s`,
    );
  }

  private tellWatchers(cache: CacheName, keys: readonly string[]): void {
    for (const watcher of this.watchers) {
      try {
        watcher.changed(cache, keys);
      } catch (error) {
        this.logger.error(`A watcher of invalidations failed: ${(error as Error).message}`);
      }
    }
  }

  private receive(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    if (message.o === this.origin || !Array.isArray(message.k)) return;
    const member = this.members.get(message.c);
    if (!member) return;
    const keys = message.k.filter((key) => typeof key === 'string');
    member.invalidateLocally(keys);
    this.tellWatchers(message.c, keys);
    if (typeof message.t === 'number') {
      this.metrics.invalidationLag.observe(Math.max(0, Date.now() - message.t) / 1000);
    }
  }
}
