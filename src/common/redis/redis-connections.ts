import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { MetricsService } from '../metrics/metrics.service.js';
import { AppConfig } from '../config/app-config.js';
import { describeError } from '../errors/http-exception.filter.js';
import { ShardSubscriber, type SubscriptionConnection } from './shard-subscriber.js';

/** How long start-up waits for Redis before going on without it (local counters meanwhile). */
const STARTUP_WAIT_MS = 3_000;

type Role = 'commands' | 'bus';

/** A plain Redis, or a Redis Cluster: both take the commands the service sends. */
export type RedisCommands = Redis | Cluster;

const BACK_OFF = (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2_000);

/** Per node connection: a request never waits long for Redis. */
const NODE_OPTIONS: RedisOptions = {
  connectTimeout: 2_000,
  maxRetriesPerRequest: 1,
};

/**
 * The two Redis connections of an instance when REDIS_URL (or REDIS_CLUSTER_NODES) is set:
 * `commands` (rate-limit scripts, publishing) and `bus` (the subscription; a subscribed
 * connection takes no other command). Both reconnect by themselves, forever, with a back-off of
 * up to two seconds.
 *
 * On a Redis Cluster, `commands` is a cluster client (each key to the master of its slot) and
 * the bus uses sharded pub/sub (SSUBSCRIBE/SPUBLISH) on the master that owns the channel, so
 * that a message goes to one shard rather than to every node, and subscribers notice when the
 * shard carrying it fails.
 *
 * Commands never queue while the connection is down: they fail at once, and callers fall back
 * (a request must not wait for Redis). Each outage is logged once per connection.
 */
@Injectable()
export class RedisConnections implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly commands?: RedisCommands;
  readonly bus?: SubscriptionConnection;
  readonly prefix: string;
  /** The invalidation channel. */
  readonly channel: string;
  readonly cluster: boolean;
  private closing = false;

  constructor(
    config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    this.prefix = config.redisPrefix;
    this.channel = `${config.redisPrefix}invalidate`;
    this.cluster = config.redisClusterNodes !== undefined;
    if (config.redisClusterNodes) {
      const cluster = new Cluster(config.redisClusterNodes, {
        enableOfflineQueue: false,
        // Straight away: a request falls back rather than wait for a failover to finish.
        retryDelayOnFailover: 0,
        retryDelayOnClusterDown: 0,
        retryDelayOnTryAgain: 0,
        clusterRetryStrategy: BACK_OFF,
        // A failover is noticed by a failed command too; this is for quiet periods.
        slotsRefreshInterval: 2_000,
        slotsRefreshTimeout: 1_000,
        redisOptions: {
          ...NODE_OPTIONS,
          commandTimeout: 1_000,
          connectionName: 'tessera-commands',
        },
      });
      this.commands = this.watch(cluster, 'commands');
      this.bus = this.watch(
        new ShardSubscriber(cluster, this.channel, {
          ...NODE_OPTIONS,
          connectionName: 'tessera-bus',
        }),
        'bus',
      );
      return;
    }
    if (!config.redisUrl) return;
    this.commands = this.connect(config.redisUrl, 'commands', {
      enableOfflineQueue: false,
      commandTimeout: 1_000,
    });
    // The bus connection subscribes itself on every 'ready' (see InvalidationBus).
    this.bus = this.connect(config.redisUrl, 'bus', { autoResubscribe: false });
  }

  /** Sends an invalidation to every instance's subscription. */
  async publish(message: string): Promise<void> {
    if (!this.commands) return;
    if (this.cluster) await this.commands.spublish(this.channel, message);
    else await this.commands.publish(this.channel, message);
  }

  get enabled(): boolean {
    return this.commands !== undefined;
  }

  /** The command connection is up right now (a command may still fail). */
  get commandsUp(): boolean {
    return this.commands?.status === 'ready';
  }

  async onModuleInit(): Promise<void> {
    if (!this.commands || !this.bus) return;
    const ready = await Promise.all([whenReady(this.commands), whenReady(this.bus)]);
    if (ready.includes(false)) {
      this.logger.warn('Redis is not reachable yet: starting on local counters meanwhile');
    } else if (this.commands instanceof Cluster) {
      // A cluster client dials its masters lazily, and the first commands sent while it swaps
      // its start-up connections for the discovered ones fail ("Connection is closed"). Dial
      // them now, before requests count on them.
      const masters = this.commands.nodes('master');
      await Promise.allSettled(masters.map((node) => node.ping()));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [this.commands, this.bus].map(async (redis) => {
        if (!redis || redis.status === 'end') return;
        try {
          await redis.quit();
        } catch {
          redis.disconnect();
        }
      }),
    );
  }

  private connect(url: string, role: Role, options: RedisOptions): Redis {
    const redis = new Redis(url, {
      ...NODE_OPTIONS,
      connectionName: `tessera-${role}`,
      retryStrategy: BACK_OFF,
      ...options,
    });
    return this.watch(redis, role);
  }

  /** Keeps the metric and the log in step with a connection's ups and downs. */
  private watch<T extends RedisCommands | SubscriptionConnection>(connection: T, role: Role): T {
    const redis = connection as unknown as NodeJS.EventEmitter;
    const up = this.metrics.redisUp.labels(role);
    up.set(0);
    let down = false;
    redis.on('ready', () => {
      up.set(1);
      if (down) this.logger.log({ msg: 'Redis connection is back', connection: role });
      down = false;
    });
    const lost = (error?: unknown) => {
      up.set(0);
      if (down) return;
      down = true;
      this.logger.warn({
        msg: 'Redis connection lost; retrying in the background',
        connection: role,
        ...(error ? { err: describeError(error) } : {}),
      });
    };
    redis.on('error', (error: unknown) => {
      if (!this.closing) lost(error);
    });
    redis.on('close', () => {
      if (!this.closing) lost();
    });
    return connection;
  }
}

function whenReady(connection: RedisCommands | SubscriptionConnection): Promise<boolean> {
  if (connection.status === 'ready') return Promise.resolve(true);
  const redis = connection as unknown as NodeJS.EventEmitter;
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), STARTUP_WAIT_MS);
    const onReady = () => finish(true);
    function finish(ok: boolean) {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    }
    redis.on('ready', onReady);
  });
}
