/**
 * `npm run bench:purge`: what a large purge costs the requests meanwhile. Fills the token table
 * with BENCH_PURGE_ROWS (default 1,000,000) API tokens expired a month ago, then drives API-token
 * verification against the built service with its token cache off, so that every request looks
 * its token up in the very table being purged: first idle for BENCH_SECONDS (default 10), then
 * for as long as a purge by the CLI (`npm run purge`) takes. Prints the purge's rows/s and the
 * verifications' throughput and p50/p99 latency in both phases.
 *
 * DATABASE_URL names a server to use (a database is created and dropped); without it an
 * embedded PostgreSQL is started.
 */
import autocannon, { type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import { queryOnce } from '../src/database/pg-query.js';
import {
  freshDatabase,
  pinned,
  seedSession,
  seedTokens,
  startService,
  stopService,
  type Service,
} from './support.js';

const ROWS = Number(process.env.BENCH_PURGE_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = 4800 + Math.floor(Math.random() * 500);

async function main() {
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const databaseUrl = await freshDatabase(cleanup);
    const service = await startService(databaseUrl, PORT, { TOKEN_CACHE_TTL_SECONDS: '0' });
    cleanup.unshift(() => stopService(service));
    const { userId } = await seedSession(service.base);
    const tokens = await seedTokens(databaseUrl, userId, 100);
    await fillDueTokens(databaseUrl, userId, ROWS);

    console.log(
      `Tessera purge bench: ${ROWS.toLocaleString('en')} due tokens, verification with the cache off, ` +
        `${CONNECTIONS} connections${pinned ? ', service on its own CPU' : ''}`,
    );
    // Warm-up: the first seconds of a fresh process (JIT, pools) would flatter the purge.
    await verify(service, tokens, () => new Promise((r) => setTimeout(r, 3000)));
    const idle = await verify(
      service,
      tokens,
      () => new Promise((r) => setTimeout(r, SECONDS * 1000)),
    );
    let purge = { seconds: 0, deleted: 0 };
    const during = await verify(service, tokens, async () => {
      purge = await runPurge(databaseUrl);
    });
    const [{ n: left }] = await queryOnce<{ n: number }>(
      databaseUrl,
      'SELECT count(*)::int AS n FROM api_tokens',
    );
    console.log(
      `purge: ${purge.deleted.toLocaleString('en')} rows in ${purge.seconds.toFixed(1)} s ` +
        `= ${Math.round(purge.deleted / purge.seconds).toLocaleString('en')} rows/s (${left} live tokens left)`,
    );
    const row = (name: string, r: Result) =>
      `${name.padEnd(16)} ${Math.round(r.requests.average).toString().padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx ${r.non2xx}`;
    console.log(row('idle', idle));
    console.log(row('during purge', during));
    console.log(
      `during/idle: throughput ${(during.requests.average / idle.requests.average).toFixed(2)}x, ` +
        `p99 ${(during.latency.p99 / Math.max(idle.latency.p99, 1)).toFixed(2)}x`,
    );
  } finally {
    for (const step of cleanup) await step();
  }
}

/** Drives verification until `phase` resolves. */
async function verify(service: Service, tokens: string[], phase: () => Promise<void>) {
  let next = 0;
  let finish!: (result: Result) => void;
  let fail!: (error: unknown) => void;
  const result = new Promise<Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: service.base,
      connections: CONNECTIONS,
      duration: 3600,
      requests: [
        {
          method: 'GET',
          path: '/api/v1/auth/whoami',
          setupRequest: (request) => ({
            ...request,
            headers: {
              ...request.headers,
              authorization: `Bearer ${tokens[next++ % tokens.length]}`,
            },
          }),
        },
      ],
    },
    (error, done) => (error ? fail(error) : finish(done)),
  );
  await phase();
  instance.stop();
  return result;
}

/** `npm run purge`, as an operator's crontab would run it. */
async function runPurge(databaseUrl: string): Promise<{ seconds: number; deleted: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/cli.js', 'purge', '--json'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      APP_SECRET: 'bench-only-secret-7f3a9c2e1b4d6a8f0e2c4b6d8a',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the purge exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, deleted: (JSON.parse(out) as { tokens: number }).tokens };
}

async function fillDueTokens(databaseUrl: string, userId: string, n: number) {
  const batch = 250_000;
  for (let done = 0; done < n; done += batch) {
    await queryOnce(
      databaseUrl,
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at)
       SELECT $1, 'due ' || gen_random_uuid(), 'tsr_fill', sha256(uuid_send(gen_random_uuid())), '{tokens:read}', '{}',
              now() - interval '30 days'
       FROM generate_series(1, $2::int)`,
      [userId, Math.min(batch, n - done)],
    );
  }
  await queryOnce(databaseUrl, 'VACUUM ANALYZE api_tokens');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
