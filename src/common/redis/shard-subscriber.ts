import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import { EventEmitter } from 'node:events';
import { keySlot } from './key-slot.js';

/**
 * What the invalidation bus needs of its subscription: a plain Redis connection has it all, and
 * so does {@link ShardSubscriber} on a Redis Cluster.
 */
export interface SubscriptionConnection {
  readonly status: string;
  on(event: 'message', listener: (channel: string, text: string) => void): this;
  on(event: 'ready' | 'close', listener: () => void): this;
  subscribe(channel: string): Promise<unknown>;
  ping(): Promise<unknown>;
  /** Drops the connection; with `reconnect`, dials again (possibly another node). */
  disconnect(reconnect?: boolean): void;
  quit(): Promise<unknown>;
}

/**
 * A sharded subscription (SSUBSCRIBE) to one channel of a Redis Cluster, on a connection to the
 * master that owns the channel's slot now. A message SPUBLISHed there reaches exactly the
 * connections of that shard, so publisher and subscribers share its fate: when that master
 * dies, every subscriber loses its connection and knows it (their caches go short-lived) rather
 * than missing a message on a connection that still looks fine.
 *
 * Each dial asks the cluster client where the slot lives, so after a failover the next dial
 * reaches the promoted replica. A connection to a node that no longer owns the slot (it was
 * demoted while we stayed connected) is dropped at the next ping: Redis unsubscribes such a
 * connection without closing it.
 */
export class ShardSubscriber extends EventEmitter implements SubscriptionConnection {
  private current?: Redis;
  private node?: string;
  private stopped = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly cluster: Cluster,
    private readonly channel: string,
    private readonly options: RedisOptions,
  ) {
    super();
    this.dial();
  }

  get status(): string {
    return this.current?.status ?? 'connecting';
  }

  subscribe(channel: string): Promise<unknown> {
    if (!this.current) return Promise.reject(new Error('not connected'));
    return this.current.ssubscribe(channel).catch((error: unknown) => {
      // MOVED: the slot map was stale; ask again and dial the owner.
      this.disconnect(true);
      throw error;
    });
  }

  async ping(): Promise<unknown> {
    if (!this.current) throw new Error('not connected');
    const reply = await this.current.ping();
    if (this.node !== this.owner()) {
      this.disconnect(true);
      throw new Error(`the slot of ${this.channel} moved away from ${this.node}`);
    }
    return reply;
  }

  disconnect(reconnect = false): void {
    const redis = this.current;
    this.current = undefined;
    if (!reconnect) this.stop();
    redis?.disconnect(); // its 'end' dials again unless stopped
  }

  async quit(): Promise<unknown> {
    this.stop();
    const redis = this.current;
    this.current = undefined;
    if (!redis || redis.status === 'end') return;
    return redis.quit().catch(() => redis.disconnect());
  }

  private stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The master of the channel's slot as the cluster client knows it ("host:port"). */
  private owner(): string | undefined {
    return this.cluster.slots[keySlot(this.channel)]?.[0];
  }

  private dial(): void {
    if (this.stopped) return;
    const node = this.owner();
    if (!node) {
      this.redial();
      return;
    }
    const at = node.lastIndexOf(':');
    const redis = new Redis({
      ...this.options,
      host: node.slice(0, at),
      port: Number(node.slice(at + 1)),
      // Never again to the same address on its own: the slot may live elsewhere by then.
      retryStrategy: () => null,
      autoResubscribe: false,
    });
    this.current = redis;
    this.node = node;
    redis.on('ready', () => {
      this.attempt = 0;
      this.emit('ready');
    });
    redis.on('smessage', (channel: string, text: string) => this.emit('message', channel, text));
    redis.on('error', () => undefined); // 'close' and 'end' tell the rest
    redis.on('close', () => this.emit('close'));
    redis.on('end', () => {
      if (this.current === redis) this.current = undefined;
      this.redial();
    });
  }

  private redial(): void {
    if (this.stopped) return;
    const delay = Math.min(50 * 2 ** Math.min(this.attempt++, 5), 1_000);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // Where the slot lives may have changed (a failover): ask before dialling.
      this.cluster.refreshSlotsCache(() => this.dial());
    }, delay);
    this.timer.unref();
  }
}
