/**
 * `npm run bench:cluster`: the deployment past one machine, on this one. A Redis Cluster (three
 * masters, a replica each), PgBouncer in transaction pooling in front of PostgreSQL, one to
 * three instances of the built service (each its own process) and nginx balancing round-robin in
 * front; autocannon drives an authenticated route (`GET /auth/whoami` with API tokens) through
 * nginx, then the same with one instance and no nginx as a baseline.
 *
 * Under the three-instance load it also measures revocation lag across instances: a token
 * cached on every instance is revoked on one, and each other instance is asked until it
 * refuses; the lag is from the revocation's answer to that refusal.
 *
 * DATABASE_URL names the PostgreSQL server (required: PgBouncer goes in front of it);
 * CLUSTER_BENCH_SECONDS (default 10) the length of each run; CLUSTER_BENCH_CONNECTIONS (default
 * 50). Every process shares this machine's CPUs: the figures say what one machine can do, and
 * where it stops.
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { queryOnce } from '../src/database/pg-query.js';
import { startBalancingNginx, type RunningNginx } from '../test/support/nginx.js';
import {
  PgBouncerHarness,
  RedisClusterHarness,
  binary,
  freePort,
} from '../test/support/topology.js';
import {
  freshDatabase,
  seedSession,
  seedTokens,
  startService,
  stopService,
  type Service,
} from './support.js';

const SECONDS = Number(process.env.CLUSTER_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CLUSTER_BENCH_CONNECTIONS ?? 50);
const REVOCATIONS = 40;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL: PgBouncer goes in front of it');
  for (const name of ['redis-server', 'redis-cli', 'pgbouncer'] as const) {
    if (!binary(name)) throw new Error(`${name} is not installed`);
  }
  // Every process may use every CPU: this is one machine doing everything.
  try {
    execFileSync('taskset', ['-pc', `0-${cpus().length - 1}`, String(process.pid)], {
      stdio: 'ignore',
    });
  } catch {
    // no taskset: nothing was pinned either
  }
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const direct = await freshDatabase(cleanup);
    const redis = await RedisClusterHarness.start(3);
    cleanup.push(() => redis.stop());
    const bouncer = await PgBouncerHarness.start(process.env.DATABASE_URL, 20);
    cleanup.push(() => bouncer.stop());
    const env = {
      DATABASE_URL: bouncer.rewrite(direct),
      DATABASE_POOL_MODE: 'transaction',
      DATABASE_DIRECT_URL: direct,
      REDIS_CLUSTER_NODES: redis.nodesEnv,
      MAX_TOKENS_PER_USER: '10000',
    };
    const all = '0-' + (cpus().length - 1);
    // One at a time: three migrating at once would wait on each other anyway.
    const services: Service[] = [];
    for (let i = 0; i < 3; i++) {
      services.push(await startService(direct, await freePort(), env, [], all));
      cleanup.push(() => stopService(services[i]));
    }
    const { accessToken, userId } = await seedSession(services[0].base);
    const tokens = await seedTokens(direct, userId, 200);

    console.log(
      `\n${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${SECONDS} s per run, ` +
        `${CONNECTIONS} connections, GET /api/v1/auth/whoami with 200 API tokens\n`,
    );
    console.log('| setup | req/s | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|');
    await load(services[0].base, tokens, 3); // warm-up: JIT, caches, scripts loaded
    const baseline = await load(services[0].base, tokens);
    console.log(row('1 instance, no nginx', baseline));
    let nginx: RunningNginx | undefined;
    for (const n of [1, 2, 3]) {
      await nginx?.stop();
      nginx = await startBalancingNginx({
        upstreamUrls: services.slice(0, n).map((service) => service.base),
        workers: 1,
      });
      if (n < 3) {
        console.log(
          row(`${n} instance${n > 1 ? 's' : ''} behind nginx`, await load(nginx.url, tokens)),
        );
        continue;
      }
      const [result, lags] = await Promise.all([
        load(nginx.url, tokens),
        revocationLags(services, accessToken, direct, userId),
      ]);
      console.log(row('3 instances behind nginx', result));
      const sorted = lags.map((lag) => lag.ms).sort((a, b) => a - b);
      const refusedAtOnce = lags.filter((lag) => lag.polls === 1).length;
      console.log(
        `\nRevocation lag under that load, ${lags.length} instance checks: ` +
          `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
          `max ${sorted[sorted.length - 1].toFixed(1)} ms; ` +
          `refused by the very first request after the revocation's answer: ${refusedAtOnce} of ${lags.length}`,
      );
    }
    await nginx?.stop();
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
}

async function load(url: string, tokens: string[], duration = SECONDS) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'GET',
        path: '/api/v1/auth/whoami',
        setupRequest: (request) => {
          request.headers = {
            ...request.headers,
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
          };
          return request;
        },
      },
    ],
  });
  if (result.errors > 0 || result['2xx'] !== result.requests.total) {
    throw new Error(`${result.errors} errors, ${result.requests.total - result['2xx']} not 2xx`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

function row(name: string, r: { rps: number; p50: number; p99: number }) {
  return `| ${name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} |`;
}

/**
 * Revokes tokens one by one on instance i % 3, each cached on all three first, and asks the
 * two others until they refuse it.
 */
async function revocationLags(
  services: Service[],
  accessToken: string,
  databaseUrl: string,
  userId: string,
): Promise<{ ms: number; polls: number }[]> {
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // the load is under way
  const tokens = await seedTokens(databaseUrl, userId, REVOCATIONS);
  const hashes = tokens.map((token) => createHash('sha256').update(token).digest());
  const rows = await queryOnce<{ id: string; hash: string }>(
    databaseUrl,
    `SELECT id, encode(token_hash, 'hex') AS hash FROM api_tokens WHERE token_hash = ANY($1::bytea[])`,
    [hashes],
  );
  const idOf = new Map(rows.map((row) => [row.hash, row.id]));
  const ids = hashes.map((hash) => ({ id: idOf.get(hash.toString('hex'))! }));
  const whoami = (base: string, token: string) =>
    fetch(`${base}/api/v1/auth/whoami`, { headers: { authorization: `Bearer ${token}` } }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
    );
  const lags: { ms: number; polls: number }[] = [];
  for (let i = 0; i < REVOCATIONS; i++) {
    const token = tokens[i];
    for (const service of services) {
      if ((await whoami(service.base, token)) !== 200) throw new Error('token not usable');
    }
    const by = services[i % 3];
    const revoked = await fetch(`${by.base}/api/v1/tokens/${ids[i].id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (revoked.status !== 204) throw new Error(`revoke: ${revoked.status}`);
    const answeredAt = performance.now();
    await Promise.all(
      services
        .filter((service) => service !== by)
        .map(async (service) => {
          let polls = 0;
          for (;;) {
            polls++;
            if ((await whoami(service.base, token)) === 401) break;
          }
          lags.push({ ms: performance.now() - answeredAt, polls });
        }),
    );
  }
  return lags;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
