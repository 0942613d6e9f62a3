import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { MetricsService } from '../metrics/metrics.service.js';
import type { AppConfig } from '../config/app-config.js';
import type { RedisConnections } from '../redis/redis-connections.js';
import { InvalidationBus, type BusMember } from './invalidation-bus.js';

/** A stand-in for Redis pub/sub: every subscribed connection gets every message. */
class FakePubSub {
  readonly connections = new Set<EventEmitter & { status: string }>();

  connect(): RedisConnections {
    const bus = Object.assign(new EventEmitter(), {
      status: 'ready',
      subscribe: async () => 1,
      ping: async () => 'PONG',
    });
    this.connections.add(bus);
    const commands = Object.assign(new EventEmitter(), {
      publish: async (channel: string, text: string) => {
        for (const connection of this.connections) {
          if (connection.status === 'ready') connection.emit('message', channel, text);
        }
        return 1;
      },
    });
    return {
      enabled: true,
      commandsUp: true,
      commands,
      bus,
      channel: 'test:invalidate',
      publish: (text: string) => commands.publish('test:invalidate', text),
    } as unknown as RedisConnections;
  }
}

Logger.overrideLogger(false);

const config = { redisPrefix: 'test:', degradedCacheTtlSeconds: 2 } as AppConfig;

function member() {
  const calls: { invalidated: string[][]; caps: (number | undefined)[] } = {
    invalidated: [],
    caps: [],
  };
  const target: BusMember = {
    invalidateLocally: (keys) => calls.invalidated.push([...keys]),
    capLifetime: (ms) => calls.caps.push(ms),
  };
  return { calls, target };
}

describe('InvalidationBus', () => {
  it('applies what others publish, ignores its own messages, and caps lifetimes while deaf', async () => {
    const pubsub = new FakePubSub();
    const [redisA, redisB] = [pubsub.connect(), pubsub.connect()];
    const a = new InvalidationBus(redisA, new MetricsService(), config);
    const b = new InvalidationBus(redisB, new MetricsService(), config);
    const [onA, onB] = [member(), member()];
    a.join('token', onA.target);
    b.join('token', onB.target);
    // Capped from the start: nothing is heard until the subscription is confirmed.
    expect(onB.calls.caps).toEqual([2000]);
    await Promise.all([a.onApplicationBootstrap(), b.onApplicationBootstrap()]);
    expect(onB.calls.caps).toEqual([2000, undefined]);
    expect(b.up).toBe(true);

    await a.publish('token', ['hash-1', 'hash-2']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(onB.calls.invalidated).toEqual([['hash-1', 'hash-2']]);
    expect(onA.calls.invalidated).toEqual([]);
    await a.publish('session', ['s-1']); // nobody joined as "session" on B
    await new Promise((resolve) => setImmediate(resolve));
    expect(onB.calls.invalidated).toHaveLength(1);

    // B's subscription drops: its cache is capped; back, the cap is lifted (and it empties).
    const busB = redisB.bus as unknown as EventEmitter & { status: string };
    busB.status = 'reconnecting';
    busB.emit('close');
    expect(b.up).toBe(false);
    expect(onB.calls.caps.at(-1)).toBe(2000);
    busB.status = 'ready';
    busB.emit('ready');
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.up).toBe(true);
    expect(onB.calls.caps.at(-1)).toBeUndefined();
    // Their heartbeats stop with them, not later in another test file.
    a.beforeApplicationShutdown();
    b.beforeApplicationShutdown();
  });

  it('does nothing without Redis, and leaves lifetimes alone', async () => {
    const bus = new InvalidationBus(
      { enabled: false } as RedisConnections,
      new MetricsService(),
      config,
    );
    const { calls, target } = member();
    bus.join('session', target);
    await bus.publish('session', ['s-1']);
    expect(calls.caps).toEqual([]);
  });
});
