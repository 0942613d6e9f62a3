import { randomUUID } from 'node:crypto';
import net from 'node:net';

/** The Redis that tests use: TEST_REDIS_URL, or the usual local one. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers PING. Unreachable: under CI that fails the run (it must be there),
 * elsewhere the Redis tests are skipped with one line saying so.
 */
export async function redisReachable(file: string): Promise<boolean> {
  if (await ping(TEST_REDIS_URL)) return true;
  const missing = `No Redis at ${TEST_REDIS_URL} (set TEST_REDIS_URL)`;
  if (process.env.CI === 'true') throw new Error(`${missing}: ${file} needs it under CI`);
  process.stdout.write(`${missing}: skipping ${file}\n`);
  return false;
}

/** The environment of an app on the test Redis, in a key space no other run shares. */
export function redisEnv(url = TEST_REDIS_URL): Record<string, string> {
  return { REDIS_URL: url, REDIS_PREFIX: uniqueRedisPrefix() };
}

export function uniqueRedisPrefix(): string {
  return `tessera-test:${randomUUID()}:`;
}

function ping(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname || '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    // Any reply (+PONG, or -NOAUTH with a password) means a Redis is there.
    socket.on('data', (data) => done(/^[+-]/.test(data.toString())));
    socket.write('PING\r\n');
  });
}

// Kept here too for the specs that import them from this file.
export { sleep, waitFor } from './time.js';
