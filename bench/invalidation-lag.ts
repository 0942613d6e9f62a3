/**
 * `npm run bench:invalidation`: how long an invalidation takes from one process to another,
 * over the two transports the service could use: Redis pub/sub (what it uses) and PostgreSQL
 * LISTEN/NOTIFY. One publisher connection and one subscriber connection each, messages sent
 * one after another (each waits for the previous to arrive), the payload the service sends.
 *
 * REDIS_URL (default redis://127.0.0.1:6379) and DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) name the servers; LAG_MESSAGES (default 2000)
 * how many messages each transport carries. Prints p50, p99 and max in milliseconds.
 */
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const MESSAGES = Number(process.env.LAG_MESSAGES ?? 2000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHANNEL = `tessera_lag_${randomUUID().replaceAll('-', '')}`;

/** What the service publishes for one revoked API token (its hash, base64). */
const payload = (i: number) =>
  JSON.stringify({ o: randomUUID(), c: 'token', k: [`${i}`.padEnd(44, 'A')], t: Date.now() });

interface Transport {
  name: string;
  publish(text: string): Promise<unknown>;
  onMessage(handler: (text: string) => void): Promise<void>;
  close(): Promise<unknown>;
}

async function redisTransport(): Promise<Transport> {
  const publisher = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  await Promise.all([publisher.ping(), subscriber.ping()]);
  return {
    name: 'Redis pub/sub',
    publish: (text) => publisher.publish(CHANNEL, text),
    onMessage: async (handler) => {
      subscriber.on('message', (_channel: string, text: string) => handler(text));
      await subscriber.subscribe(CHANNEL);
    },
    close: () => Promise.all([publisher.quit(), subscriber.quit()]),
  };
}

async function postgresTransport(): Promise<Transport> {
  const publisher = new pg.Client({ connectionString: DATABASE_URL });
  const subscriber = new pg.Client({ connectionString: DATABASE_URL });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  return {
    name: 'PostgreSQL LISTEN/NOTIFY',
    publish: (text) => publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, text]),
    onMessage: async (handler) => {
      subscriber.on('notification', (message) => handler(message.payload ?? ''));
      await subscriber.query(`LISTEN ${CHANNEL}`);
    },
    close: () => Promise.all([publisher.end(), subscriber.end()]),
  };
}

async function measure(transport: Transport): Promise<number[]> {
  const lags: number[] = [];
  let arrived: (() => void) | undefined;
  let sentAt = 0n;
  await transport.onMessage(() => {
    lags.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
    arrived?.();
  });
  for (let i = 0; i < MESSAGES + 100; i++) {
    const received = new Promise<void>((resolve) => (arrived = resolve));
    sentAt = process.hrtime.bigint();
    await transport.publish(payload(i));
    await received;
  }
  await transport.close();
  return lags.slice(100).sort((a, b) => a - b); // the first 100 warm up
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  console.log(`Invalidation lag, ${MESSAGES} messages each, publish → receive (ms)\n`);
  console.log('| transport | p50 | p99 | max |');
  console.log('|---|---:|---:|---:|');
  for (const make of [redisTransport, postgresTransport]) {
    const transport = await make();
    const lags = await measure(transport);
    const f = (ms: number) => ms.toFixed(3);
    console.log(
      `| ${transport.name} | ${f(at(lags, 0.5))} | ${f(at(lags, 0.99))} | ${f(lags[lags.length - 1])} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
