/**
 * `GET /tokens/current` and `GET /auth/me` cost no query: with the database cut off, a credential
 * still in its cache lifetime gets the same answers as before (whoami's rule), and one past it
 * gets 503 as every route does. (Their exactness after changes is in
 * test/cluster/current-credential.cluster.spec.ts.)
 */
import type pg from 'pg';
import { toErrorResponse } from '../../src/common/errors/http-exception.filter.js';
import { UnitOfWork } from '../../src/database/unit-of-work.js';
import { sqlClient } from '../support/database.js';
import { startAppBehindDatabaseProxy } from '../support/database-proxy.js';
import type { TcpProxy } from '../support/tcp-proxy.js';
import { createToken, login, newUser, type Api, type TestApp } from '../support/test-app.js';
import { sleep, waitFor } from '../support/time.js';

const whoami = (api: Api, token: string) => api.get('/api/v1/auth/whoami', { token });

describe('views of the calling credential with the database unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ proxy, t, close } = await startAppBehindDatabaseProxy({
      TOKEN_CACHE_TTL_SECONDS: '3',
      SESSION_CACHE_TTL_SECONDS: '3',
    }));
  });
  afterAll(() => close?.());

  it('answer from the cached state while it is fresh, then fail closed', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
    const current = await t.api.get('/api/v1/tokens/current', { token: token.token });
    const me = await t.api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(current.status).toBe(200);
    expect(me.status).toBe(200);

    await proxy.stop();
    const currentAgain = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(currentAgain.status).toBe(200);
    expect({ ...currentAgain.body, lastUsedAt: null }).toEqual({
      ...current.body,
      lastUsedAt: null,
    });
    expect(Date.parse(currentAgain.body.lastUsedAt)).toBeGreaterThanOrEqual(
      Date.parse(current.body.lastUsedAt),
    );
    for (const credential of [user.accessToken, token.token]) {
      const meAgain = await t.api.get('/api/v1/auth/me', { token: credential });
      expect(meAgain.status).toBe(200);
      expect(meAgain.body).toEqual(me.body);
    }

    await sleep(3_100);
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(503);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(503);
  });
});

describe('PostgreSQL down, then back', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ proxy, t, close } = await startAppBehindDatabaseProxy({
      TOKEN_CACHE_TTL_SECONDS: '1',
      SESSION_CACHE_TTL_SECONDS: '1',
    }));
  });
  afterAll(() => close?.());

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
  let close: () => Promise<void>;
  let sql: pg.Client;

  beforeAll(async () => {
    ({ proxy, t, close } = await startAppBehindDatabaseProxy());
    sql = await sqlClient();
  });
  afterAll(async () => {
    await sql?.end();
    await close?.();
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
