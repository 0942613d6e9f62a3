import { redisEnv } from './redis.js';
import { startTestApp, type Api, type TestApp } from './test-app.js';

/**
 * Several instances of the service on loopback, sharing the test database and one Redis key
 * space (a fresh prefix per cluster). Each is a whole application with its own caches,
 * counters and Redis connections, started in this process: what the instances share goes
 * through PostgreSQL and Redis only.
 */
export class Cluster {
  private next = 0;

  private constructor(readonly nodes: TestApp[]) {}

  static async start(size: number, env: Record<string, string> = {}): Promise<Cluster> {
    const shared = { ...redisEnv(), ...env };
    const nodes = await Promise.all(Array.from({ length: size }, () => startTestApp(shared)));
    return new Cluster(nodes);
  }

  get apis(): Api[] {
    return this.nodes.map((node) => node.api);
  }

  /** The next instance in turn, as a round-robin load balancer would pick it. */
  roundRobin(): Api {
    return this.nodes[this.next++ % this.nodes.length].api;
  }

  close(): Promise<unknown> {
    return Promise.all(this.nodes.map((node) => node.close()));
  }
}
