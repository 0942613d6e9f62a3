/**
 * `npm run bench`: starts the built service in its own processes on a fresh PostgreSQL
 * database, seeds a user, a session and API tokens, and drives each route with autocannon.
 * Prints requests/s, p50 and p99 latency, and each route's throughput as a ratio of the
 * health route's; then fills the token table to BENCH_TOKENS rows and measures API-token
 * verification again, with the in-process cache (the normal case) and without it (every
 * request looks the token up in PostgreSQL).
 *
 * Shared and virtual machines are noisy: each scenario runs BENCH_ROUNDS times (default 3),
 * interleaved with the others, and its median round counts. For each route it prints
 * requests/s, p50/p99 and the CPU milliseconds per 1,000 requests of the serving process (from
 * /proc), the figure to compare across runs. On Linux with two CPUs or more the service is
 * pinned to one CPU and the load generator to another, so that they do not take turns on the
 * same core.
 *
 * DATABASE_URL names a server to use (a database is created and dropped); without it an
 * embedded PostgreSQL is started. BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 50)
 * and BENCH_TOKENS (default 1000000) tune the run.
 *
 * `POST /verify` and forward auth are measured against the same health route; forward auth also
 * through nginx (the deploy/nginx config) in front of a small upstream, against nginx serving
 * that upstream with no auth. Without nginx installed that part is skipped. Forward auth on an
 * `{org}` route is compared with a plain route, for an org token and a member's session
 * (`BENCH_ONLY=org-routes` measures only that). A small Express app guarded by `@tessera/client`
 * is compared with the same app with no auth, its cache off and on, and the cache's revocation
 * lag is measured (`BENCH_ONLY=client` measures only that; see bench/client.ts).
 * `BENCH_ONLY=verify` measures only the health route, API-token `whoami`, `/verify` and forward
 * auth (asked directly), in one table, and prints `/verify`'s ratio to the health route.
 *
 * With BENCH_REDIS_URL (or REDIS_URL) set, a third service counts rate limits in that Redis
 * (under a prefix of its own), and API-token verification is compared with Redis-backed and
 * in-memory limits.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { queryOnce } from '../src/database/pg-query.js';
import { measureClient } from './client.js';
import { ORG_ROUTE, measureOrgRoutes } from './org-routes.js';
import {
  nginxBinary,
  startEchoUpstream,
  startForwardAuthNginx,
  startPlainNginx,
} from '../test/support/nginx.js';
import {
  fillTokens,
  freshDatabase,
  cpuMillis,
  pinned,
  seedServiceToken,
  seedSession,
  seedTokens,
  startService,
  startTextbook,
  stopService,
  type Service,
} from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
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
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A JSON body per request, made from the next of `bodyTokens`. */
  body?: (token: string) => unknown;
  bodyTokens?: string[];
  /** Another address than the service's (nginx in front of it). */
  base?: string;
  /** Another process whose CPU time the requests cost (the textbook service). */
  service?: Service;
}

/** The route rules forward auth applies in the bench: the example of docs/guard-your-api.md. */
const BENCH_POLICY = {
  routes: [
    { path: '/public/**', public: true },
    { method: 'GET', path: '/projects/**', scopes: ['tokens:read'] },
    { method: '*', path: '/projects/**', scopes: ['tokens:write'] },
    ORG_ROUTE,
  ],
};
const FORWARDED = { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/projects/1' };

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of the serving process per 1,000 requests, ms (null where /proc is missing). */
  cpu: number | null;
}

async function main() {
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const databaseUrl = await freshDatabase(cleanup);
    const policyDir = mkdtempSync(join(tmpdir(), 'tessera-bench-policy-'));
    cleanup.push(() => rmSync(policyDir, { recursive: true, force: true }));
    const policyFile = join(policyDir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(BENCH_POLICY));
    // nginx, on loopback, is the proxy whose X-Forwarded-For is believed.
    const cached = await startService(databaseUrl, BASE_PORT, {
      POLICY_FILE: policyFile,
      TRUST_PROXY: '127.0.0.1',
    });
    cleanup.unshift(() => stopService(cached));
    // The same service with the token cache off: every request looks its token up.
    const uncached = await startService(databaseUrl, BASE_PORT + 1, {
      TOKEN_CACHE_TTL_SECONDS: '0',
    });
    cleanup.unshift(() => stopService(uncached));

    const { accessToken, userId } = await seedSession(cached.base);
    const tokens = await seedTokens(databaseUrl, userId, SAMPLE_TOKENS);

    console.log(
      `Tessera bench: median of ${ROUNDS} interleaved rounds × ${SECONDS}s per route, ` +
        `${CONNECTIONS} connections, ` +
        (pinned
          ? 'server on CPU 0 and load generator on CPU 1, '
          : 'server and load generator not pinned, ') +
        `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );

    if (process.env.BENCH_ONLY === 'org-routes') {
      await measureOrgRoutes(cached, databaseUrl, accessToken, SAMPLE_TOKENS, measure, printTable);
      return;
    }
    if (process.env.BENCH_ONLY === 'client') {
      await measureClient(cached, databaseUrl, tokens, BASE_PORT + 4, measure, printTable);
      return;
    }
    const health: Scenario = { name: 'health (no auth)', path: '/health/live', expect: 200 };
    const tokenWhoami: Scenario = {
      name: 'API token: GET /auth/whoami',
      path: '/api/v1/auth/whoami',
      credentials: tokens,
      expect: 200,
    };
    if (process.env.BENCH_ONLY === 'verify') {
      await measureGuarding(cached, databaseUrl, tokens, health, tokenWhoami, false);
      return;
    }
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
        name: 'API token: GET /tokens/current',
        path: '/api/v1/tokens/current',
        credentials: tokens,
        expect: 200,
      },
      {
        name: 'session token: GET /auth/me',
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
    ]);
    printTable(`Routes (${SAMPLE_TOKENS.toLocaleString('en')} API tokens in the table)`, routes);

    await measureGuarding(cached, databaseUrl, tokens, health, tokenWhoami, true);
    await measureOrgRoutes(cached, databaseUrl, accessToken, SAMPLE_TOKENS, measure, printTable);
    await measureClient(cached, databaseUrl, tokens, BASE_PORT + 4, measure, printTable);
    await measureTextbook(cached, databaseUrl, tokens, userId, cleanup);

    // Last, on its own: unknown credentials (here a repeated one, answered from the cache).
    const unknown = await measure(cached, [
      health,
      {
        name: 'bad token: 401',
        path: '/api/v1/auth/whoami',
        credentials: [`${accessToken}x`],
        expect: 401,
      },
    ]);
    printTable('Unknown credentials', unknown);

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
    // CPU per request, unlike requests/s, does not move with whatever else the machine runs.
    const cpuRatio = (small: Result, large: Result) =>
      small.cpu === null || large.cpu === null ? 'n/a' : `${(small.cpu / large.cpu).toFixed(2)}x`;
    console.log(
      `${rows(large)} against ${rows(small)}, as CPU per request (small / large; 1.00x costs ` +
        `the same): cached ${cpuRatio(routes[1], cachedLarge)}, uncached ` +
        `${cpuRatio(uncachedSmall[0], uncachedLarge)}; requests/s, cached ` +
        `${(cachedLarge.rps / routes[1].rps).toFixed(2)}x, uncached ` +
        `${(uncachedLarge.rps / uncachedSmall[0].rps).toFixed(2)}x, while the health route moved ` +
        `${(healthLarge.rps / routes[0].rps).toFixed(2)}x`,
    );
  } finally {
    for (const step of cleanup) await step();
  }
}

/**
 * The two ways another service asks Tessera: `/verify` and forward auth, directly against the
 * health route (and API-token `whoami`, the same credential check on a plain route); forward
 * auth through nginx against nginx with no auth in front of the same upstream, when `viaNginx`.
 */
async function measureGuarding(
  service: Service,
  databaseUrl: string,
  tokens: string[],
  health: Scenario,
  tokenWhoami: Scenario,
  viaNginx: boolean,
) {
  const verifier = await seedServiceToken(databaseUrl);
  const direct = await measure(service, [
    health,
    tokenWhoami,
    {
      name: 'POST /verify (API token, counts as a use)',
      path: '/api/v1/verify',
      method: 'POST',
      credentials: [verifier],
      body: (token) => ({ token, clientIp: '198.51.100.7' }),
      bodyTokens: tokens,
      expect: 200,
    },
    {
      name: 'forward auth, API token (direct)',
      path: '/api/v1/forward-auth',
      headers: FORWARDED,
      credentials: tokens,
      expect: 200,
    },
  ]);
  printTable('Verification and forward auth, asked directly', direct);
  const [healthResult, , verifyResult, forwardResult] = direct;
  const cpuRatio = (r: Result) =>
    r.cpu === null || healthResult.cpu === null
      ? 'n/a'
      : `${(r.cpu / healthResult.cpu).toFixed(2)}x`;
  console.log(
    `\n/verify vs health: ${(verifyResult.rps / healthResult.rps).toFixed(2)}x the requests/s, ` +
      `${cpuRatio(verifyResult)} the CPU per request; forward auth (direct) vs health: ` +
      `${(forwardResult.rps / healthResult.rps).toFixed(2)}x the requests/s, ` +
      `${cpuRatio(forwardResult)} the CPU per request`,
  );

  if (!viaNginx) return;
  if (!nginxBinary()) {
    console.log('\nNo nginx installed: forward auth through nginx not measured');
    return;
  }
  const upstream = await startEchoUpstream({ record: false });
  const plain = await startPlainNginx({ upstreamUrl: upstream.url });
  const guarded = await startForwardAuthNginx({
    forwardAuthUrl: service.base,
    upstreamUrl: upstream.url,
  });
  try {
    const [plainResult, guardedResult] = await measure(service, [
      { name: 'nginx → upstream, no auth', path: '/projects/1', base: plain.url, expect: 200 },
      {
        name: 'nginx → forward auth → upstream, API token',
        path: '/projects/1',
        base: guarded.url,
        credentials: tokens,
        expect: 200,
      },
    ]);
    printTable('Forward auth through nginx', [plainResult, guardedResult], 'plain nginx', {
      name: 'health',
      result: healthResult,
    });
    console.log(
      `\nforward auth through nginx vs plain nginx: ` +
        `${(guardedResult.rps / plainResult.rps).toFixed(2)}x the requests/s`,
    );
  } finally {
    await guarded.stop();
    await plain.stop();
    await upstream.close();
  }
}

/**
 * `GET /tokens/current` against the textbook NestJS service doing the same (bench/textbook):
 * the same 1,000 tokens, its own table, the same PostgreSQL and pinning.
 */
async function measureTextbook(
  service: Service,
  databaseUrl: string,
  tokens: string[],
  userId: string,
  cleanup: (() => Promise<void> | void)[],
) {
  const textbook = await startTextbook(databaseUrl, BASE_PORT + 3, tokens, userId);
  cleanup.unshift(() => stopService(textbook));
  const [tessera, other] = await measure(service, [
    {
      name: 'Tessera: API token, GET /tokens/current',
      path: '/api/v1/tokens/current',
      credentials: tokens,
      expect: 200,
    },
    {
      name: 'textbook NestJS + passport-http-bearer + TypeORM (lookup + last_used write)',
      path: '/tokens/current',
      base: textbook.base,
      service: textbook,
      credentials: tokens,
      expect: 200,
    },
  ]);
  await stopService(textbook);
  printTable('Against the textbook implementation', [other, tessera], 'textbook');
  console.log(
    `\nTessera vs textbook, GET /tokens/current: ${(tessera.rps / other.rps).toFixed(1)}x the ` +
      `requests/s, p99 ${tessera.p99} ms against ${other.p99} ms`,
  );
}

/**
 * Each scenario's median of ROUNDS rounds, the rounds interleaved across scenarios: requests/s,
 * latency (of the median round by requests/s) and the server's CPU time per 1,000 requests.
 */
async function measure(service: Service, scenarios: Scenario[]): Promise<Result[]> {
  const rounds: Result[][] = scenarios.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      // Warm-up before every round: caches (verified tokens, sessions, API tokens) expire
      // while the other scenarios run, and each round should measure the steady state.
      await load(service, scenario, 2);
      const server = scenario.service ?? service;
      const before = cpuMillis(server);
      const result = await load(service, scenario, SECONDS);
      const after = cpuMillis(server);
      const cpu =
        before === null || after === null ? null : ((after - before) * 1000) / result.requests;
      rounds[i].push({ name: scenario.name, ...result, cpu });
    }
  }
  return rounds.map((results) => {
    const median = <T>(values: T[], by: (value: T) => number) =>
      [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
    const cpus = results.map((r) => r.cpu).filter((cpu): cpu is number => cpu !== null);
    return {
      ...median(results, (r) => r.rps),
      cpu: cpus.length > 0 ? median(cpus, (cpu) => cpu) : null,
    };
  });
}

/**
 * `cpuBase`: what CPU per request is compared with, when not the first row (nginx serving
 * without Tessera costs Tessera nothing: forward auth is compared with the health route).
 */
function printTable(
  title: string,
  results: Result[],
  versus = 'health',
  cpuBase: { name: string; result: Result } = { name: versus, result: results[0] },
) {
  const [first] = results;
  const base = cpuBase.result.cpu;
  const cpu = (r: Result) => (r.cpu === null ? 'n/a' : r.cpu.toFixed(0));
  const cpuRatio = (r: Result) =>
    r.cpu === null || base === null ? 'n/a' : `${(r.cpu / base).toFixed(2)}x`;
  console.log(`\n${title}\n`);
  console.log(
    `| route | req/s | p50 ms | p99 ms | CPU ms / 1k req | req/s vs ${versus} | CPU vs ${cpuBase.name} |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${cpu(r)} | ` +
        `${(r.rps / first.rps).toFixed(2)}x | ${cpuRatio(r)} |`,
    );
  }
}

async function load(service: Service, scenario: Scenario, duration: number) {
  const credentials = scenario.credentials ?? [];
  const bodyTokens = scenario.bodyTokens ?? [];
  let next = 0;
  let nextBody = 0;
  // Every scenario goes through the same per-request hook, so that the load generator (on
  // the same machine) spends the same on each.
  const result = await autocannon({
    url: scenario.base ?? service.base,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: scenario.method ?? 'GET',
        path: scenario.path,
        setupRequest: (request) => {
          request.headers = { ...request.headers, ...scenario.headers };
          if (credentials.length > 0) {
            request.headers.authorization = `Bearer ${credentials[next++ % credentials.length]}`;
          }
          if (scenario.body) {
            request.headers['content-type'] = 'application/json';
            request.body = JSON.stringify(
              scenario.body(bodyTokens[nextBody++ % bodyTokens.length]),
            );
          }
          return request;
        },
      },
    ],
  });
  const expected = result[`${Math.floor(scenario.expect / 100)}xx` as '2xx' | '4xx'];
  if (result.errors > 0 || expected !== result.requests.total) {
    throw new Error(
      `${scenario.name}: ${result.errors} errors, ${result.requests.total - expected} unexpected statuses ` +
        `(by status: ${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
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
