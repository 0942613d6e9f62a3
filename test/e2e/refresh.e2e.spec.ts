import type pg from 'pg';
import { startTestAppWithSql, type TestAppWithSql } from '../support/app-with-sql.js';
import { newUser, type Api } from '../support/test-app.js';
import { sleep } from '../support/time.js';

describe('POST /auth/refresh', () => {
  let t: TestAppWithSql;
  let api: Api;
  let db: pg.Pool;

  beforeAll(async () => {
    t = await startTestAppWithSql();
    ({ api, db } = t);
  });
  afterAll(() => t.close());

  it('rotates: the new pair works and the session stays the same', async () => {
    const user = await newUser(api);
    const res = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(res.status).toBe(200);
    expect(res.body.sessionId).toBe(user.sessionId);
    expect(res.body.refreshToken).not.toBe(user.refreshToken);
    expect((await api.get('/api/v1/auth/me', { token: res.body.accessToken })).status).toBe(200);
    const next = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: res.body.refreshToken },
    });
    expect(next.status).toBe(200);
  });

  it('gives the same successor pair to the replaced token within the grace window', async () => {
    const user = await newUser(api);
    const first = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    const again = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(again.status).toBe(200);
    expect(again.body.accessToken).toBe(first.body.accessToken);
    expect(again.body.refreshToken).toBe(first.body.refreshToken);
  });

  it('hands all of 8 concurrent refreshes of one token the same pair, rotating once', async () => {
    const user = await newUser(api);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.post('/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(results.map((r) => r.body.refreshToken)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.accessToken)).size).toBe(1);
    const { rows } = await db.query(
      'SELECT count(*)::int AS n, count(replaced_at)::int AS replaced FROM refresh_tokens WHERE session_id = $1',
      [user.sessionId],
    );
    expect(rows[0]).toEqual({ n: 2, replaced: 1 });
    const next = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: results[0].body.refreshToken },
    });
    expect(next.status).toBe(200);
  });

  it('refuses unknown and malformed tokens with 401 invalid_token', async () => {
    for (const refreshToken of ['tsrr_unknown', 'garbage']) {
      const res = await api.post('/api/v1/auth/refresh', { body: { refreshToken } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
    expect((await api.post('/api/v1/auth/refresh', { body: {} })).status).toBe(400);
    expect((await api.post('/api/v1/auth/refresh', { body: { refreshToken: 42 } })).status).toBe(
      400,
    );
  });

  it('refuses the refresh token of a session past its idle or absolute expiry', async () => {
    const idle = await newUser(api);
    await db.query(
      `UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = $1`,
      [idle.sessionId],
    );
    expect(
      (await api.post('/api/v1/auth/refresh', { body: { refreshToken: idle.refreshToken } }))
        .status,
    ).toBe(401);
    expect((await api.get('/api/v1/auth/me', { token: idle.accessToken })).status).toBe(401);

    const old = await newUser(api);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      old.sessionId,
    ]);
    expect(
      (await api.post('/api/v1/auth/refresh', { body: { refreshToken: old.refreshToken } })).status,
    ).toBe(401);
    expect((await api.get('/api/v1/auth/me', { token: old.accessToken })).status).toBe(401);
  });

  it('moves the idle expiry forward but never past the absolute one', async () => {
    const user = await newUser(api);
    await db.query(
      `UPDATE sessions SET expires_at = now() + interval '1 day', idle_expires_at = now() + interval '1 hour' WHERE id = $1`,
      [user.sessionId],
    );
    await api.post('/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
    const [row] = (
      await db.query(
        `SELECT idle_expires_at > now() + interval '23 hours' AS moved,
                idle_expires_at <= expires_at AS capped
         FROM sessions WHERE id = $1`,
        [user.sessionId],
      )
    ).rows;
    expect(row).toEqual({ moved: true, capped: true });
  });

  it('sees the moved idle expiry right after a refresh, even with the session cached', async () => {
    const user = await newUser(api);
    await db.query(
      `UPDATE sessions SET idle_expires_at = now() + interval '2 seconds' WHERE id = $1`,
      [user.sessionId],
    );
    expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200); // cached now
    const refreshed = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    await sleep(2_500);
    expect((await api.get('/api/v1/auth/me', { token: refreshed.body.accessToken })).status).toBe(
      200,
    );
  });
});
