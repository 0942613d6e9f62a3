import pg from 'pg';
import { toErrorResponse } from '../../src/common/errors/http-exception.filter.js';
import { UnitOfWork } from '../../src/database/unit-of-work.js';
import { redisEnv, redisReachable, sleep, waitFor, TEST_REDIS_URL } from '../support/redis.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import {
  createToken,
  login,
  newUser,
  startTestApp,
  type Api,
  type TestApp,
} from '../support/test-app.js';

const reachable = await redisReachable('test/e2e/faults.e2e.spec.ts');
const describeRedis = reachable ? describe : describe.skip;

const whoami = (api: Api, token: string) => api.get('/api/v1/auth/whoami', { token });
const ready = async (api: Api) => {
  const response = await api.get('/health/ready');
  return { status: response.status, redis: response.body?.redis as string };
};
const metric = async (api: Api, line: string) => {
  const text = (await api.get('/metrics')).text;
  const found = text.split('\n').find((row) => row.startsWith(line + ' '));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describeRedis('Redis down, then back', () => {
  let proxy: TcpProxy;
  /** Reaches Redis through the proxy; `other` directly. */
  let cut: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    proxy = await TcpProxy.start(TEST_REDIS_URL);
    const env = { ...redisEnv(), DEGRADED_CACHE_TTL_SECONDS: '1' };
    [cut, other] = await Promise.all([
      startTestApp({ ...env, REDIS_URL: proxy.rewrite(TEST_REDIS_URL) }),
      startTestApp(env),
    ]);
  });
  afterAll(async () => {
    await Promise.all([cut?.close(), other?.close()]);
    await proxy?.stop();
  });

  it('keeps answering, bounds revocation by the short lifetime, and resumes by itself', async () => {
    const owner = await newUser(other.api);
    const token = await createToken(other.api, owner.accessToken);
    expect((await whoami(cut.api, token.token)).status).toBe(200); // cached for 30 s
    expect(await ready(cut.api)).toEqual({ status: 200, redis: 'up' });

    await proxy.stop();
    await waitFor(async () => (await ready(cut.api)).redis === 'down');
    // Still ready: it answers on local counters.
    expect((await ready(cut.api)).status).toBe(200);
    expect((await whoami(cut.api, token.token)).status).toBe(200);
    expect((await login(cut.api, owner.email)).status).toBe(200);
    expect(await metric(cut.api, 'tessera_redis_up{connection="commands"}')).toBe(0);
    expect(await metric(cut.api, 'tessera_rate_limit_local_fallbacks_total')).toBeGreaterThan(0);

    // Revoked elsewhere while this instance hears nothing: refused once its short-lived
    // entry ends (1 s here) rather than after the 30-s lifetime.
    const revoked = Date.now();
    await other.api.delete(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
    while ((await whoami(cut.api, token.token)).status === 200) await sleep(20);
    expect(Date.now() - revoked).toBeLessThan(1_600);

    await proxy.resume();
    await waitFor(async () => (await ready(cut.api)).redis === 'up', 10_000);
    expect(await metric(cut.api, 'tessera_redis_up{connection="bus"}')).toBe(1);
    // The bus works again: a revocation elsewhere reaches this instance within a second,
    // and its cache keeps entries for their full lifetime again.
    const second = await createToken(other.api, owner.accessToken);
    expect((await whoami(cut.api, second.token)).status).toBe(200);
    await sleep(1_200); // longer than the degraded lifetime: still cached, not reloaded
    const started = Date.now();
    await other.api.delete(`/api/v1/tokens/${second.id}`, { token: owner.accessToken });
    while ((await whoami(cut.api, second.token)).status === 200) await sleep(10);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describeRedis('Redis connections that hang without closing', () => {
  it('are found out, dropped and dialled again; meanwhile requests do not wait', async () => {
    const proxy = await TcpProxy.start(TEST_REDIS_URL);
    const env = { ...redisEnv(), DEGRADED_CACHE_TTL_SECONDS: '1' };
    const [hung, other] = await Promise.all([
      startTestApp({ ...env, REDIS_URL: proxy.rewrite(TEST_REDIS_URL) }),
      startTestApp(env),
    ]);
    try {
      const owner = await newUser(other.api);
      const token = await createToken(other.api, owner.accessToken);
      expect((await whoami(hung.api, token.token)).status).toBe(200);

      proxy.freeze();
      // The first request waits for the command timeout (1 s); the next ones do not.
      expect((await whoami(hung.api, token.token)).status).toBe(200);
      const started = Date.now();
      for (let i = 0; i < 5; i++) expect((await whoami(hung.api, token.token)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(500);

      // A revocation elsewhere is seen once the hung subscription is found out (heartbeat)
      // and the caches are cut short or emptied, within a few seconds rather than 30.
      const revoked = Date.now();
      await other.api.delete(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
      while ((await whoami(hung.api, token.token)).status === 200) await sleep(20);
      expect(Date.now() - revoked).toBeLessThan(4_000);
      // Fresh connections go through: it is whole again by itself.
      await waitFor(async () => (await ready(hung.api)).redis === 'up', 10_000);
    } finally {
      await Promise.all([hung.close(), other.close()]);
      await proxy.stop();
    }
  });
});

describe('PostgreSQL down, then back', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    t = await startTestApp({
      DATABASE_URL: proxy.rewrite(process.env.TEST_DATABASE_URL!),
      TOKEN_CACHE_TTL_SECONDS: '1',
      SESSION_CACHE_TTL_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await proxy?.resume();
    await t?.close();
    await proxy?.stop();
  });

  it('says so in readiness, fails closed with 503, and recovers', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    expect((await whoami(t.api, token.token)).status).toBe(200);

    await proxy.stop();
    const health = await t.api.get('/health/ready');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ database: 'down' });
    expect((await t.api.get('/health/live')).status).toBe(200);

    // Past the cache lifetime nothing is taken on trust: 503, never 200 and never 500.
    await sleep(1_100);
    for (const credential of [token.token, user.accessToken]) {
      const response = await whoami(t.api, credential);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    }
    expect((await login(t.api, user.email)).status).toBe(503);
    expect((await t.api.get('/api/v1/tokens', { token: user.accessToken })).status).toBe(503);

    await proxy.resume();
    await waitFor(async () => (await t.api.get('/health/ready')).status === 200, 10_000);
    expect((await whoami(t.api, token.token)).status).toBe(200);
    expect((await login(t.api, user.email)).status).toBe(200);
  });
});

describe('PostgreSQL killed mid-request', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    t = await startTestApp({ DATABASE_URL: proxy.rewrite(process.env.TEST_DATABASE_URL!) });
    sql = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await proxy?.resume();
    await t?.close();
    await proxy?.stop();
  });

  it('answers a write whose connection died inside its transaction with 503, not 500', async () => {
    // The next statement of a transaction whose connection ended: TypeORM has let the
    // connection go and refuses it ("Query runner already released"), through the runner or
    // through the transaction's manager.
    const uow = t.app.get(UnitOfWork);
    for (const via of ['runner', 'manager'] as const) {
      const failed = await uow
        .run(async (tx) => {
          const [{ pid }] = await tx.manager.query<{ pid: number }[]>(
            'SELECT pg_backend_pid() AS pid',
          );
          await sql.query('SELECT pg_terminate_backend($1)', [pid]);
          await sleep(200);
          await (via === 'runner' ? tx.manager.queryRunner! : tx.manager).query('SELECT 1');
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(String(failed)).toMatch(/already released/i);
      const { body, headers } = toErrorResponse(failed, { error: () => undefined });
      expect(body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(headers).toEqual({ 'Retry-After': '5' });
    }
  });

  it('answers every in-flight write 201 or 503 when the database goes away, never 500', async () => {
    const user = await newUser(t.api);
    // The writes queue behind a lock on the user's row, so they are all in flight at the cut.
    await sql.query('BEGIN');
    await sql.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [user.id]);
    const writes = Array.from({ length: 8 }, (_, i) =>
      t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: `in flight ${i}`, scopes: ['tokens:read'] },
      }),
    );
    await sleep(300);
    await proxy.stop();
    await sql.query('ROLLBACK');
    const statuses = (await Promise.all(writes)).map((response) => response.status);
    expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
    await proxy.resume();
    await waitFor(async () => (await t.api.get('/health/ready')).status === 200, 10_000);
  });
});
