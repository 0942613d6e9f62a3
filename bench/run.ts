/**
 * `npm run bench`: starts the built service in its own processes on a fresh PostgreSQL
 * database, seeds a user, a session and API tokens, and drives each route with autocannon.
 * Prints requests/s, p50 and p99 latency, and each route's throughput as a ratio of the
 * health route's; then fills the token table to BENCH_TOKENS rows and measures API-token
 * verification again, with the in-process cache (the normal case) and without it (every
 * request looks the token up in PostgreSQL).
 *
 * Shared and virtual machines are noisy: each scenario runs BENCH_ROUNDS times (default 3),
 * interleaved with the others, and its best round counts (interference only ever slows a
 * round down). On Linux the service is pinned to one CPU and the load generator to another,
 * so that they do not take turns on the same core.
 *
 * DATABASE_URL names a server to use (a database is created and dropped); without it an
 * embedded PostgreSQL is started. BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32)
 * and BENCH_TOKENS (default 1000000) tune the run.
 *
 * With BENCH_REDIS_URL (or REDIS_URL) set, a third service counts rate limits in that Redis
 * (under a prefix of its own), and API-token verification is compared with Redis-backed and
 * in-memory limits.
 */
import autocannon from 'autocannon';
import { cpus, totalmem } from 'node:os';
import { queryOnce } from '../src/database/pg-query.js';
import {
  fillTokens,
  freshDatabase,
  pinned,
  seedSession,
  seedTokens,
  startService,
  stopService,
  type Service,
} from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TABLE_TOKENS = Number(process.env.BENCH_TOKENS ?? 1_000_000);
/** Distinct API tokens the token scenarios cycle through. */
const SAMPLE_TOKENS = Number(process.env.BENCH_SAMPLE_TOKENS ?? 1000);
const BASE_PORT = 4300 + Math.floor(Math.random() * 500);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL;

interface Scenario {
  name: string;
  path: string;
  /** Bearer credentials to cycle through, one per request; none: no Authorization header. */
  credentials?: string[];
  expect: number;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
}

async function main() {
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const databaseUrl = await freshDatabase(cleanup);
    const cached = await startService(databaseUrl, BASE_PORT, {});
    cleanup.unshift(() => stopService(cached));
    // The same service with the token cache off: every request looks its token up.
    const uncached = await startService(databaseUrl, BASE_PORT + 1, {
      TOKEN_CACHE_TTL_SECONDS: '0',
    });
    cleanup.unshift(() => stopService(uncached));

    const { accessToken, userId } = await seedSession(cached.base);
    const tokens = await seedTokens(databaseUrl, userId, SAMPLE_TOKENS);

    console.log(
      `Tessera bench: best of ${ROUNDS} × ${SECONDS}s per route, ${CONNECTIONS} connections, ` +
        (pinned ? 'service and load generator on one CPU each, ' : '') +
        `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );

    const health: Scenario = { name: 'health (no auth)', path: '/health/live', expect: 200 };
    const tokenWhoami: Scenario = {
      name: 'API token: GET /auth/whoami',
      path: '/api/v1/auth/whoami',
      credentials: tokens,
      expect: 200,
    };
    const routes = await measure(cached, [
      health,
      tokenWhoami,
      {
        name: 'session token: GET /auth/whoami',
        path: '/api/v1/auth/whoami',
        credentials: [accessToken],
        expect: 200,
      },
      {
        name: 'API token: GET /tokens/current (reads the row)',
        path: '/api/v1/tokens/current',
        credentials: tokens,
        expect: 200,
      },
      {
        name: 'session token: GET /auth/me (reads the user)',
        path: '/api/v1/auth/me',
        credentials: [accessToken],
        expect: 200,
      },
      {
        name: 'session token: GET /sessions',
        path: '/api/v1/sessions',
        credentials: [accessToken],
        expect: 200,
      },
      {
        name: 'bad token: 401',
        path: '/api/v1/auth/whoami',
        credentials: [`${accessToken}x`],
        expect: 401,
      },
    ]);
    printTable(`Routes (${SAMPLE_TOKENS.toLocaleString('en')} API tokens in the table)`, routes);

    if (REDIS_URL) {
      const shared = await startService(databaseUrl, BASE_PORT + 2, {
        REDIS_URL,
        REDIS_PREFIX: `tessera-bench:${Date.now()}:`,
      });
      cleanup.unshift(() => stopService(shared));
      const [sharedHealth, sharedToken] = await measure(shared, [health, tokenWhoami]);
      const [memoryHealth, memoryToken] = await measure(cached, [health, tokenWhoami]);
      printTable('API token verification: rate limits in Redis vs in memory', [
        { ...memoryHealth, name: 'health, in-memory limits service' },
        { ...memoryToken, name: 'API token: GET /auth/whoami, in-memory limits' },
        { ...sharedHealth, name: 'health, Redis-backed limits service' },
        { ...sharedToken, name: 'API token: GET /auth/whoami, Redis-backed limits' },
      ]);
      console.log(
        `\nRedis-backed / in-memory limits: ${(sharedToken.rps / memoryToken.rps).toFixed(2)}x ` +
          `(each against its own health route: ${(sharedToken.rps / sharedHealth.rps).toFixed(2)}x ` +
          `vs ${(memoryToken.rps / memoryHealth.rps).toFixed(2)}x)`,
      );
    } else {
      console.log('\nNo BENCH_REDIS_URL or REDIS_URL: Redis-backed rate limits not measured');
    }

    const uncachedSmall = await measure(uncached, [{ ...tokenWhoami, name: 'uncached' }]);
    const { rows: small } = await countTokens(databaseUrl);
    console.log(`\nFilling the token table to ${TABLE_TOKENS.toLocaleString('en')} rows…`);
    const started = Date.now();
    await fillTokens(databaseUrl, TABLE_TOKENS - small);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const [healthLarge, cachedLarge] = await measure(cached, [health, tokenWhoami]);
    const [uncachedLarge] = await measure(uncached, [tokenWhoami]);

    const large = (await countTokens(databaseUrl)).rows;
    const rows = (n: number) => `${n.toLocaleString('en')} tokens`;
    printTable('API token verification by table size', [
      { ...routes[0], name: `health, ${rows(small)}` },
      { ...routes[1], name: `API token, cached, ${rows(small)}` },
      { ...uncachedSmall[0], name: `API token, uncached, ${rows(small)}` },
      { ...healthLarge, name: `health, ${rows(large)}` },
      { ...cachedLarge, name: `API token, cached, ${rows(large)}` },
      { ...uncachedLarge, name: `API token, uncached, ${rows(large)}` },
    ]);
    console.log('');
    const drift = healthLarge.rps / routes[0].rps;
    const vs = (large: Result, small: Result) => large.rps / small.rps;
    console.log(
      `${rows(large)} vs ${rows(small)}: cached ${vs(cachedLarge, routes[1]).toFixed(2)}x, ` +
        `uncached ${vs(uncachedLarge, uncachedSmall[0]).toFixed(2)}x; the health route moved ` +
        `${drift.toFixed(2)}x meanwhile (the machine's own drift); corrected for it: cached ` +
        `${(vs(cachedLarge, routes[1]) / drift).toFixed(2)}x, uncached ` +
        `${(vs(uncachedLarge, uncachedSmall[0]) / drift).toFixed(2)}x`,
    );
  } finally {
    for (const step of cleanup) await step();
  }
}

/** Each scenario's best of ROUNDS rounds, the rounds interleaved across scenarios. */
async function measure(service: Service, scenarios: Scenario[]): Promise<Result[]> {
  const best: (Result | undefined)[] = scenarios.map(() => undefined);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      // Warm-up before every round: caches (verified tokens, sessions, API tokens) expire
      // while the other scenarios run, and each round should measure the steady state.
      await load(service, scenario, 2);
      const result = await load(service, scenario, SECONDS);
      if (!best[i] || result.rps > best[i].rps) best[i] = { name: scenario.name, ...result };
    }
  }
  return best as Result[];
}

function printTable(title: string, results: Result[]) {
  const health = results[0].rps;
  console.log(`\n${title}\n`);
  console.log('| route | req/s | p50 ms | p99 ms | vs health |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / health).toFixed(2)}x |`,
    );
  }
}

async function load(service: Service, scenario: Scenario, duration: number) {
  const credentials = scenario.credentials ?? [];
  let next = 0;
  // Every scenario goes through the same per-request hook, so that the load generator (on
  // the same machine) spends the same on each.
  const result = await autocannon({
    url: service.base,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'GET',
        path: scenario.path,
        setupRequest: (request) => {
          if (credentials.length > 0) {
            request.headers = {
              ...request.headers,
              authorization: `Bearer ${credentials[next++ % credentials.length]}`,
            };
          }
          return request;
        },
      },
    ],
  });
  const expected = result[`${Math.floor(scenario.expect / 100)}xx` as '2xx' | '4xx'];
  if (result.errors > 0 || expected !== result.requests.total) {
    throw new Error(
      `${scenario.name}: ${result.errors} errors, ${result.requests.total - expected} unexpected statuses`,
    );
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function countTokens(databaseUrl: string) {
  const [{ n }] = await queryOnce<{ n: number }>(
    databaseUrl,
    'SELECT count(*)::int AS n FROM api_tokens',
  );
  return { rows: n };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
