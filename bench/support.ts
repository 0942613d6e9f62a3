/** What the benchmarks share: a fresh database, the built service in its own process, seeds. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { queryOnce } from '../src/database/pg-query.js';
import { generateApiToken } from '../src/tokens/token-format.js';

export interface Service {
  base: string;
  child: ChildProcess;
}

/** Linux with two or more CPUs: the service on CPU 0, this process (autocannon) on CPU 1. */
export const pinned = process.platform === 'linux' && cpus().length >= 2 && hasTaskset();

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function freshDatabase(cleanup: (() => Promise<void> | void)[]): Promise<string> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
    const embedded = await startEmbeddedPostgres(dir, pino({ level: 'warn' }));
    cleanup.push(async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    serverUrl = embedded.adminUrl;
  }
  const name = `tessera_bench_${Date.now()}`;
  await queryOnce(serverUrl, `CREATE DATABASE ${name}`);
  cleanup.push(async () => {
    await queryOnce(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The built service in a process of its own. `cpus`: the CPUs it may run on (`taskset -c`);
 * by default CPU 0 when {@link pinned}, else any.
 */
export async function startService(
  databaseUrl: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
  cpus: string | undefined = pinned ? '0' : undefined,
): Promise<Service> {
  const base = `http://127.0.0.1:${port}`;
  const [command, args] = cpus
    ? ['taskset', ['-c', cpus, process.execPath, ...nodeArgs, 'dist/main.js']]
    : [process.execPath, [...nodeArgs, 'dist/main.js']];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      APP_SECRET: 'bench-only-secret-7f3a9c2e1b4d6a8f0e2c4b6d8a',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Also the allowance of unknown credentials per address: the bad-token route measures the
      // 401 path, not the 429 the throttle would turn it into (and which would then refuse
      // the API tokens' lookups of the next round from the same address).
      AUTH_RATE_PER_MINUTE: '1000000',
      // The limiter still counts every request; it just never refuses one here.
      TOKEN_RATE_PER_MINUTE: '1000000000',
      TOKEN_RATE_PER_HOUR: '1000000000',
      // Required in production; the benchmark sends no mail, so nothing need listen there.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'bench@example.test',
      PUBLIC_URL: 'https://bench.example.test',
      // In-memory limits unless the scenario names a Redis.
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('the service exited during start-up');
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the service did not become ready');
}

/**
 * The textbook service (bench/textbook) on its own table in `databaseUrl`, holding `tokens`
 * (by their SHA-256 in hex) for `userId`.
 */
export async function startTextbook(
  databaseUrl: string,
  port: number,
  tokens: string[],
  userId: string,
): Promise<Service> {
  const base = `http://127.0.0.1:${port}`;
  const node = [process.execPath, '--import', '@swc-node/register/esm-register'];
  const script = 'bench/textbook/main.ts';
  const [command, args] = pinned
    ? ['taskset', ['-c', '0', ...node, script]]
    : [node[0], [...node.slice(1), script]];
  const child = spawn(command, args, {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const service = { base, child };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('the textbook service exited during start-up');
    try {
      // Listening means TypeORM has made the table.
      if ((await fetch(`${base}/tokens/current`)).status === 401) break;
    } catch {
      if (i > 150) throw new Error('the textbook service did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await queryOnce(
    databaseUrl,
    `INSERT INTO textbook_tokens (user_id, name, token_hash, scopes)
     SELECT $1, 'bench', encode(sha256(convert_to(t, 'UTF8')), 'hex'), '{tokens:read,profile:read}'
     FROM unnest($2::text[]) AS t`,
    [userId, tokens],
  );
  return service;
}

export async function stopService({ child }: Service) {
  // Ended already, by itself or by a signal (the textbook service has no SIGTERM handler).
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function seedSession(base: string): Promise<{ accessToken: string; userId: string }> {
  const credentials = { email: 'bench@example.test', password: 'bench-password-1' };
  const post = (path: string) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
  const user = (await (await post('/api/v1/auth/register')).json()) as { id: string };
  const login = (await (await post('/api/v1/auth/login')).json()) as { accessToken: string };
  return { accessToken: login.accessToken, userId: user.id };
}

/** Real tokens of the bench user, inserted directly (the API would stop at the per-user limit). */
export async function seedTokens(
  databaseUrl: string,
  userId: string,
  n: number,
): Promise<string[]> {
  const tokens = Array.from({ length: n }, generateApiToken);
  await queryOnce(
    databaseUrl,
    `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips)
     SELECT $1, 'bench ' || gen_random_uuid(), left(t, 8), sha256(convert_to(t, 'UTF8')),
            '{tokens:read,profile:read}', '{}'
     FROM unnest($2::text[]) AS t`,
    [userId, tokens],
  );
  return tokens;
}

/** Tokens of another user, whose secrets nobody knows: they only make the table large. */
export async function fillTokens(databaseUrl: string, n: number) {
  if (n <= 0) return;
  const [{ id }] = await queryOnce<{ id: string }>(
    databaseUrl,
    `INSERT INTO users (email, password_hash) VALUES ('filler@example.test', 'x') RETURNING id`,
  );
  const batch = 250_000;
  for (let done = 0; done < n; done += batch) {
    await queryOnce(
      databaseUrl,
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips)
       SELECT $1, 'filler ' || gen_random_uuid(), 'tsr_fill', sha256(uuid_send(gen_random_uuid()) || int4send(i)),
              '{tokens:read}', '{}'
       FROM generate_series(1, $2::int) AS i`,
      [id, Math.min(batch, n - done)],
    );
  }
  await queryOnce(databaseUrl, 'ANALYZE api_tokens');
}

/** An API token of an admin holding `tokens:verify`: what a service calling /verify would hold. */
export async function seedServiceToken(
  databaseUrl: string,
  email = 'service@example.test',
): Promise<string> {
  const [{ id }] = await queryOnce<{ id: string }>(
    databaseUrl,
    `INSERT INTO users (email, password_hash, role) VALUES ($1, 'x', 'admin') RETURNING id`,
    [email],
  );
  const token = generateApiToken();
  await queryOnce(
    databaseUrl,
    `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips)
     VALUES ($1, 'verifier', left($2, 8), sha256(convert_to($2, 'UTF8')), '{tokens:verify}', '{}')`,
    [id, token],
  );
  return token;
}

/** CPU time (user + system, ms) the process has used so far, from /proc; null off Linux. */
export function cpuMillis({ child }: Service): number | null {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux build that matters; `getconf CLK_TCK` says for sure. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
