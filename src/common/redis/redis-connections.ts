import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { MetricsService } from '../metrics/metrics.service.js';
import { AppConfig } from '../config/app-config.js';
import { describeError } from '../errors/http-exception.filter.js';

/** How long start-up waits for Redis before going on without it (local counters meanwhile). */
const STARTUP_WAIT_MS = 3_000;

type Role = 'commands' | 'bus';

/**
 * The two Redis connections of an instance when REDIS_URL is set: `commands` (rate-limit
 * scripts, publishing) and `bus` (the subscription; a subscribed connection takes no other
 * command). Both reconnect by themselves, forever, with a back-off of up to two seconds.
 *
 * Commands never queue while the connection is down: they fail at once, and callers fall back
 * (a request must not wait for Redis). Each outage is logged once per connection.
 */
@Injectable()
export class RedisConnections implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly commands?: Redis;
  readonly bus?: Redis;
  readonly prefix: string;
  private closing = false;

  constructor(
    config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    this.prefix = config.redisPrefix;
    if (!config.redisUrl) return;
    this.commands = this.connect(config.redisUrl, 'commands', { enableOfflineQueue: false });
    // The bus connection subscribes itself on every 'ready' (see InvalidationBus).
    this.bus = this.connect(config.redisUrl, 'bus', { autoResubscribe: false });
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
    const up = this.metrics.redisUp.labels(role);
    up.set(0);
    const redis = new Redis(url, {
      connectionName: `tessera-${role}`,
      connectTimeout: 2_000,
      commandTimeout: role === 'commands' ? 1_000 : undefined,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2_000),
      ...options,
    });
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
    return redis;
  }
}

function whenReady(redis: Redis): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
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
