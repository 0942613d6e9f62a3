/**
 * The deployment past one machine, on loopback with the real components: a Redis Cluster of
 * three masters with a replica each, PgBouncer in transaction pooling in front of PostgreSQL,
 * three Tessera instances, and nginx balancing round-robin in front. Every request below goes
 * through nginx, as a client's would; which instance answered is in `X-Upstream`.
 *
 * The instances are whole applications started in this process (like test/cluster), with
 * their own caches, limiters and Redis connections: they share only what goes through
 * PostgreSQL (via PgBouncer) and the Redis Cluster. DEGRADED_CACHE_TTL_SECONDS=0: while an
 * instance may miss invalidations it trusts no cached entry, so "never lets a revoked token
 * through" is what the failover case can check.
 */
import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import type pg from 'pg';
import { runMigrations } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { queryOnce } from '../../src/database/pg-query.js';
import { nginxAvailable, startBalancingNginx, type RunningNginx } from '../support/nginx.js';
import { uniqueRedisPrefix } from '../support/redis.js';
import {
  Api,
  PASSWORD,
  createToken,
  login,
  newUser,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../support/test-app.js';
import { binariesAvailable, PgBouncerHarness, RedisClusterHarness } from '../support/topology.js';
import { sleep, waitFor } from '../support/time.js';
import { sqlClient } from '../support/database.js';
import { openEventStream } from '../support/event-stream.js';
import { sha256Base64 } from '../../src/common/crypto/crypto.js';

const FILE = 'test/topology/deployment.topology.spec.ts';
const available =
  binariesAvailable(FILE, ['redis-server', 'redis-cli', 'pgbouncer']) && nginxAvailable(FILE);
const describeTopology = available ? describe : describe.skip;

jest.setTimeout(60_000);

describeTopology('Redis Cluster, PgBouncer, three instances and nginx in front', () => {
  let redis: RedisClusterHarness;
  let bouncer: PgBouncerHarness;
  let nginx: RunningNginx;
  let instances: TestApp[] = [];
  let api: Api;
  let sql: pg.Client;
  let serverUrl: string;
  let database: string;
  let migrated: string[][];
  const prefix = uniqueRedisPrefix();
  const admin = { email: uniqueEmail('topology-admin'), password: PASSWORD };

  beforeAll(async () => {
    // A database of its own (the purge empties whole tables of what is due), migrated by three
    // starters at once through PgBouncer: the migration lock must hold there too.
    serverUrl = process.env.TEST_DATABASE_URL!;
    database = `tessera_test_${Date.now()}_${process.pid}_topology`;
    await queryOnce(serverUrl, `CREATE DATABASE ${database}`);
    const direct = new URL(serverUrl);
    direct.pathname = `/${database}`;
    [redis, bouncer] = await Promise.all([
      RedisClusterHarness.start(3),
      PgBouncerHarness.start(serverUrl, 4),
    ]);
    const pooled = bouncer.rewrite(direct.toString());
    migrated = await Promise.all([1, 2, 3].map(() => runMigrations(pooled)));

    const env = {
      DATABASE_URL: pooled,
      DATABASE_POOL_MODE: 'transaction',
      DATABASE_DIRECT_URL: direct.toString(),
      REDIS_CLUSTER_NODES: redis.nodesEnv,
      REDIS_PREFIX: prefix,
      DEGRADED_CACHE_TTL_SECONDS: '0',
      TOKEN_RATE_PER_MINUTE: '30',
      MAX_TOKENS_PER_USER: '1000',
      SCHEDULER_ENABLED: 'true',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    };
    instances = await Promise.all([1, 2, 3].map(() => startTestApp(env)));
    nginx = await startBalancingNginx({ upstreamUrls: instances.map((i) => i.baseUrl) });
    api = new Api(nginx.url);
    sql = await sqlClient(direct.toString());
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.close()));
    await Promise.all([redis?.stop(), bouncer?.stop()]);
    if (database) await queryOnce(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  const whoami = (token: string) => api.get('/api/v1/auth/whoami', { token });

  /** Sends `n` requests with `token` through nginx: their statuses and who answered. */
  async function round(token: string, n = 3) {
    const answers = [];
    for (let i = 0; i < n; i++) {
      const response = await whoami(token);
      answers.push({ status: response.status, upstream: response.headers.get('x-upstream') });
    }
    return answers;
  }

  it('migrated the database once, through PgBouncer, though three started at once', () => {
    expect(migrated.flat()).toEqual(MIGRATIONS.map((migration) => new migration().name));
  });

  it('spreads requests round-robin over the three instances', async () => {
    const answers = await round('', 6);
    expect(new Set(answers.map((answer) => answer.upstream)).size).toBe(3);
  });

  it('refuses a token revoked on one instance on the very next request, whichever answers', async () => {
    const owner = await newUser(api);
    for (let i = 0; i < 5; i++) {
      const token = await createToken(api, owner.accessToken);
      // Cached on all three (30 s): only the invalidation bus can end it sooner.
      const warm = await round(token.token);
      expect(warm.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(new Set(warm.map((answer) => answer.upstream)).size).toBe(3);
      const revoked = await api.delete(`/api/v1/tokens/${token.id}`, {
        token: owner.accessToken,
      });
      expect(revoked.status).toBe(204);
      expect((await round(token.token)).map((answer) => answer.status)).toEqual([401, 401, 401]);
    }
  });

  it('streams a revocation made through any instance to the event streams of all three within a second', async () => {
    const adminToken = (await login(api, admin.email, admin.password)).body.accessToken as string;
    const streams = await Promise.all(
      instances.map((instance) =>
        openEventStream(`${instance.baseUrl}/api/v1/verify/events`, {
          authorization: `Bearer ${adminToken}`,
        }),
      ),
    );
    try {
      for (const stream of streams) {
        expect(await stream.next()).toMatchObject({ event: 'ready', data: { exact: true } });
      }
      const owner = await newUser(api);
      const token = await createToken(api, owner.accessToken);
      const hash = sha256Base64(token.token);
      const revoked = await api.delete(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
      expect(revoked.status).toBe(204);
      const deadline = Date.now() + 1_000;
      await Promise.all(
        streams.map(async (stream) => {
          for (;;) {
            const event = await stream.next(Math.max(deadline - Date.now(), 1), 'the revocation');
            if (event.event === 'invalidate' && event.data.tokens?.includes(hash)) return;
          }
        }),
      );
    } finally {
      streams.forEach((stream) => stream.close());
    }
  });

  it('admits a per-minute limit of 30 spread over the three, one request after another and at once', async () => {
    const owner = await newUser(api);
    const sequential = await createToken(api, owner.accessToken);
    const statuses = (await round(sequential.token, 45)).map((answer) => answer.status);
    const allowed = statuses.filter((status) => status === 200).length;
    expect(allowed).toBeGreaterThanOrEqual(29);
    expect(allowed).toBeLessThanOrEqual(31);
    expect(statuses.filter((status) => status === 429)).toHaveLength(45 - allowed);

    const concurrent = await createToken(api, owner.accessToken);
    const burst = await Promise.all(Array.from({ length: 60 }, () => whoami(concurrent.token)));
    const admitted = burst.filter((response) => response.status === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(29);
    expect(admitted).toBeLessThanOrEqual(31);
  });

  it('runs a scheduled purge fired on all three at once once', async () => {
    const [{ id }] = (
      await sql.query<{ id: string }>(
        `INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id`,
        [uniqueEmail('filler')],
      )
    ).rows;
    await sql.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at)
       SELECT $1, 'old ' || gen_random_uuid(), 'tsr_xxxx', sha256(uuid_send(gen_random_uuid())), '{tokens:read}', '{}',
              now() - interval '30 days'
       FROM generate_series(1, 5000)`,
      [id],
    );
    await Promise.all(
      instances.map((instance) =>
        instance.app.get(SchedulerRegistry).getCronJob('purge-tokens').fireOnTick(),
      ),
    );
    const runs = await sql.query(`SELECT counts FROM job_runs WHERE job = 'purge-tokens'`);
    expect(runs.rows).toEqual([{ counts: { tokens: 5000 } }]);
    expect((await sql.query(`SELECT * FROM job_leases`)).rows).toEqual([]);
    // And the admin view through any instance says nothing runs.
    const session = await login(api, admin.email, admin.password);
    const jobs = await api.get('/api/v1/admin/jobs', { token: session.body.accessToken });
    expect(jobs.body.every((job: { running: boolean }) => !job.running)).toBe(true);
  });

  it('never lets a revoked token through while the master carrying invalidations fails over, and recovers', async () => {
    const owner = await newUser(api);
    const live = await createToken(api, owner.accessToken, { name: 'live' });
    const tokens = [];
    for (let i = 0; i < 40; i++) {
      const token = await createToken(api, owner.accessToken, { name: `t${i}` });
      // Below the limit of 30 a minute whatever happens to the shared counters.
      expect((await round(token.token)).every((answer) => answer.status === 200)).toBe(true);
      tokens.push(token);
    }
    const victim = await redis.masterOf(`${prefix}invalidate`);
    await redis.kill(victim);
    const killedAt = Date.now();

    const ready = (instance: TestApp) =>
      new Api(instance.baseUrl).get('/health/ready').then((response) => response.body?.redis);
    const leaks: string[] = [];
    const liveStatuses: number[] = [];
    let recovered = false;
    while (tokens.length > 0 && !recovered) {
      const token = tokens.shift()!;
      const revoked = await api.delete(`/api/v1/tokens/${token.id}`, {
        token: owner.accessToken,
      });
      expect(revoked.status).toBe(204);
      for (const answer of await round(token.token)) {
        if (answer.status !== 401)
          leaks.push(`${String(token.name)}: ${answer.status} from ${answer.upstream}`);
      }
      liveStatuses.push((await whoami(live.token)).status);
      recovered = (await Promise.all(instances.map(ready))).every((state) => state === 'up');
      await sleep(50);
    }
    expect(leaks).toEqual([]);
    // The service kept answering: the live token worked (limits counted locally meanwhile).
    expect(liveStatuses.every((status) => status === 200)).toBe(true);
    await waitFor(
      async () => (await Promise.all(instances.map(ready))).every((state) => state === 'up'),
      20_000,
    );
    await redis.waitHealthy();
    const recoveredMs = Date.now() - killedAt;
    expect(recoveredMs).toBeLessThan(20_000);

    // Whole again: the bus carries revocations through the promoted replica, caches keep
    // entries their full 30 s again, and the shared counters count.
    const after = await createToken(api, owner.accessToken, { name: 'after' });
    expect((await round(after.token)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    await api.delete(`/api/v1/tokens/${after.id}`, { token: owner.accessToken });
    expect((await round(after.token)).map((answer) => answer.status)).toEqual([401, 401, 401]);
    process.stdout.write(
      `Redis master ${victim} killed: every instance whole again after ${recoveredMs} ms, ` +
        `${liveStatuses.length} revocations checked meanwhile, none let through\n`,
    );
  });
});
