/**
 * `npm run bench`: starts the built service in its own process on a fresh PostgreSQL database,
 * seeds a user, and drives each route with autocannon. Prints requests/s, p50 and p99 latency,
 * and each route's throughput as a ratio of the health route's.
 *
 * DATABASE_URL names a server to use (a database is created and dropped); without it an
 * embedded PostgreSQL is started. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 32)
 * tune the load.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { queryOnce } from '../src/database/pg-query.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = 4300 + Math.floor(Math.random() * 500);
const BASE = `http://127.0.0.1:${PORT}`;

interface Scenario {
  name: string;
  path: string;
  headers?: Record<string, string>;
  expect: number;
}

async function main() {
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const databaseUrl = await freshDatabase(cleanup);
    const server = await startService(databaseUrl);
    cleanup.unshift(() => stopService(server));

    const accessToken = await seedSession();
    const scenarios: Scenario[] = [
      { name: 'health (no auth)', path: '/health/live', expect: 200 },
      {
        name: 'session token: GET /auth/me',
        path: '/api/v1/auth/me',
        headers: bearer(accessToken),
        expect: 200,
      },
      {
        name: 'session token: GET /sessions',
        path: '/api/v1/sessions',
        headers: bearer(accessToken),
        expect: 200,
      },
      {
        name: 'bad token: 401',
        path: '/api/v1/auth/me',
        headers: bearer(`${accessToken}x`),
        expect: 401,
      },
    ];

    console.log(
      `Tessera bench: ${SECONDS}s per route, ${CONNECTIONS} connections, ` +
        `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );
    const results: { name: string; rps: number; p50: number; p99: number }[] = [];
    for (const scenario of scenarios) {
      await load(scenario, 2); // warm-up
      const result = await load(scenario, SECONDS);
      results.push({ name: scenario.name, ...result });
    }
    const health = results[0].rps;
    console.log('');
    console.log('| route | req/s | p50 ms | p99 ms | vs health |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / health).toFixed(2)}x |`,
      );
    }
  } finally {
    for (const step of cleanup) await step();
  }
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

async function load(scenario: Scenario, duration: number) {
  const result = await autocannon({
    url: BASE + scenario.path,
    headers: scenario.headers,
    connections: CONNECTIONS,
    duration,
  });
  const expected = result[`${Math.floor(scenario.expect / 100)}xx` as '2xx' | '4xx'];
  if (result.errors > 0 || expected !== result.requests.total) {
    throw new Error(
      `${scenario.name}: ${result.errors} errors, ${result.requests.total - expected} unexpected statuses`,
    );
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function freshDatabase(cleanup: (() => Promise<void> | void)[]): Promise<string> {
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

async function startService(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      APP_SECRET: 'bench-only-secret-7f3a9c2e1b4d6a8f0e2c4b6d8a',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AUTH_RATE_PER_MINUTE: '1000',
      // Required in production; the benchmark sends no mail, so nothing need listen there.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'bench@example.test',
      PUBLIC_URL: 'https://bench.example.test',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('the service exited during start-up');
    try {
      if ((await fetch(`${BASE}/health/ready`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the service did not become ready');
}

async function stopService(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function seedSession(): Promise<string> {
  const credentials = { email: 'bench@example.test', password: 'bench-password-1' };
  const post = (path: string) =>
    fetch(BASE + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
  await post('/api/v1/auth/register');
  const login = (await (await post('/api/v1/auth/login')).json()) as { accessToken: string };
  return login.accessToken;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
