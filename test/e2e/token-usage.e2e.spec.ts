import type pg from 'pg';
import { sqlPool } from '../support/database.js';
import { isolatedDatabase } from '../support/isolated-database.js';
import {
  createToken,
  newUser,
  startAdminApp,
  startTestApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';
import { waitFor } from '../support/time.js';

interface Point {
  start: string;
  valid: number;
  refused: Record<string, number>;
}

const HOUR = 3_600_000;

/** Every use of an API token, counted per hour and outcome, and read back over HTTP. */
describe('API token usage', () => {
  let t: AdminApp;
  let db: pg.Pool;
  let user: LoggedInUser;
  let verifier: string;

  beforeAll(async () => {
    // No timed flush: what a read shows comes from the flush the read itself makes.
    t = await startAdminApp({ USAGE_FLUSH_SECONDS: '60' });
    db = sqlPool();
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const usage = (id: string, query = '', token = user.accessToken) =>
    t.api.get(`/api/v1/tokens/${id}/usage${query}`, { token });
  const lastPoint = async (id: string): Promise<Point> => {
    const answer = await usage(id);
    expect(answer.status).toBe(200);
    return answer.body.series.at(-1);
  };

  it('counts requests, verifications and forward auths as uses, refusals by code', async () => {
    const token = await createToken(t.api, user.accessToken, { rateLimit: { perMinute: 4 } });
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);
    const verified = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: token.token },
    });
    expect(verified.body.code).toBe('VALID');
    const forwarded = await t.api.get('/api/v1/forward-auth', {
      token: token.token,
      headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/anything' },
    });
    expect(forwarded.status).toBe(200);
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);
    // The fifth use in the minute is over the token's own limit.
    const limited = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(limited.status).toBe(429);
    const overLimit = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: token.token, clientIp: '203.0.113.9' },
    });
    expect(overLimit.body.code).toBe('RATE_LIMITED');

    const point = await lastPoint(token.id);
    expect(point).toEqual({
      start: new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString(),
      valid: 4,
      refused: { RATE_LIMITED: 2 },
    });
  });

  it('counts refusals of known tokens: outside the allowlist, revoked', async () => {
    const token = await createToken(t.api, user.accessToken, { allowedIps: ['10.1.0.0/16'] });
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(401);
    const inside = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: token.token, clientIp: '10.1.2.3' },
    });
    expect(inside.body.code).toBe('VALID');
    expect(
      (await t.api.delete(`/api/v1/tokens/${token.id}`, { token: user.accessToken })).status,
    ).toBe(204);
    const revoked = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: token.token, clientIp: '10.1.2.3' },
    });
    expect(revoked.body.code).toBe('REVOKED');
    expect(await lastPoint(token.id)).toMatchObject({
      valid: 1,
      refused: { IP_NOT_ALLOWED: 1, REVOKED: 1 },
    });
  });

  it('answers a point for every hour of the last day, empty ones at zero', async () => {
    const token = await createToken(t.api, user.accessToken);
    const answer = await usage(token.id);
    expect(answer.status).toBe(200);
    expect(answer.body.tokenId).toBe(token.id);
    expect(answer.body.granularity).toBe('hour');
    const series: Point[] = answer.body.series;
    expect(series).toHaveLength(24);
    const currentHour = Math.floor(Date.now() / HOUR) * HOUR;
    expect(series.map((point) => Date.parse(point.start))).toEqual(
      Array.from({ length: 24 }, (_, i) => currentHour - (23 - i) * HOUR),
    );
    expect(
      series.every((point) => point.valid === 0 && Object.keys(point.refused).length === 0),
    ).toBe(true);
  });

  it('sums hours into UTC days, and a range of hours into its buckets', async () => {
    const token = await createToken(t.api, user.accessToken);
    await db.query(
      `INSERT INTO token_usage (token_id, hour, outcome, count) VALUES
         ($1, '2026-01-10T00:00:00Z', 'VALID', 5), ($1, '2026-01-10T23:00:00Z', 'VALID', 7),
         ($1, '2026-01-10T23:00:00Z', 'RATE_LIMITED', 2), ($1, '2026-01-12T03:00:00Z', 'VALID', 1)`,
      [token.id],
    );
    const days = await usage(token.id, '?from=2026-01-09&to=2026-01-13&granularity=day');
    expect(days.status).toBe(200);
    expect(days.body.series).toEqual([
      { start: '2026-01-09T00:00:00.000Z', valid: 0, refused: {} },
      { start: '2026-01-10T00:00:00.000Z', valid: 12, refused: { RATE_LIMITED: 2 } },
      { start: '2026-01-11T00:00:00.000Z', valid: 0, refused: {} },
      { start: '2026-01-12T00:00:00.000Z', valid: 1, refused: {} },
    ]);
    const hours = await usage(token.id, '?from=2026-01-10T22:30:00Z&to=2026-01-11T00:00:00Z');
    expect(hours.body.series).toEqual([
      { start: '2026-01-10T22:00:00.000Z', valid: 0, refused: {} },
      { start: '2026-01-10T23:00:00.000Z', valid: 7, refused: { RATE_LIMITED: 2 } },
    ]);
  });

  it.each([
    ['?from=2026-01-02&to=2026-01-01', 'from must be before to'],
    ['?from=2026-01-01&to=2026-03-01', 'at most 400'],
    ['?from=last-tuesday', 'from must be an ISO-8601'],
    ['?to=2026-01-01T10:00:00', 'to must be an ISO-8601'],
    ['?from=2026-02-30', 'from must be an ISO-8601'],
    ['?granularity=HOUR', 'granularity'],
    ['?granularity=week', 'granularity'],
    ['?from=2026-01-01&from=2026-01-02', 'from'],
    ['?bucket=hour', 'bucket'],
  ])('refuses the query %s with 400', async (query, message) => {
    const token = await createToken(t.api, user.accessToken);
    const answer = await usage(token.id, query);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body.message)).toContain(message);
  });

  it("answers 404 for another user's token and 400 for a malformed id", async () => {
    const other = await newUser(t.api);
    const token = await createToken(t.api, other.accessToken);
    expect((await usage(token.id)).status).toBe(404);
    expect((await usage('not-a-uuid')).status).toBe(400);
    // A token without tokens:read may not read usage.
    const bare = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
    const mine = await createToken(t.api, user.accessToken);
    expect((await usage(mine.id, '', bare.token)).status).toBe(403);
  });

  it('counts every one of many concurrent uses exactly once, across flushes', async () => {
    const token = await createToken(t.api, user.accessToken, { rateLimit: { perMinute: 600 } });
    const uses = Array.from({ length: 120 }, (_, i) =>
      i % 10 === 0
        ? // Reads in the middle of the uses flush while more are counted.
          usage(token.id).then(() => 200)
        : t.api.get('/api/v1/tokens/current', { token: token.token }).then((r) => r.status),
    );
    expect((await Promise.all(uses)).every((status) => status === 200)).toBe(true);
    expect((await lastPoint(token.id)).valid).toBe(108);
    const [{ sum }] = (
      await db.query(`SELECT sum(count)::int AS sum FROM token_usage WHERE token_id = $1`, [
        token.id,
      ])
    ).rows;
    expect(sum).toBe(108);
  });

  it('lists the most used tokens for admins, and only for admins', async () => {
    // A database of its own: the ranking is over every token, and other files use theirs meanwhile.
    const own = await isolatedDatabase();
    const t = await startAdminApp({ DATABASE_URL: own.url, USAGE_FLUSH_SECONDS: '60' });
    try {
      const user = await newUser(t.api);
      const busy = await createToken(t.api, user.accessToken);
      const quiet = await createToken(t.api, user.accessToken);
      for (let i = 0; i < 30; i++) await t.api.get('/api/v1/tokens/current', { token: busy.token });
      await t.api.get('/api/v1/tokens/current', { token: quiet.token });
      const top = await t.api.get('/api/v1/admin/usage/top?limit=100', { token: t.adminToken });
      expect(top.status).toBe(200);
      const ids = top.body.items.map((item: { tokenId: string }) => item.tokenId);
      expect(ids.indexOf(busy.id)).toBeLessThan(ids.indexOf(quiet.id));
      expect(top.body.items.find((item: { tokenId: string }) => item.tokenId === busy.id)).toEqual({
        tokenId: busy.id,
        userId: user.id,
        name: busy.name,
        valid: 30,
        refused: 0,
        total: 30,
      });
      const totals = top.body.items.map((item: { total: number }) => item.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      const one = await t.api.get('/api/v1/admin/usage/top?limit=1', { token: t.adminToken });
      expect(one.body.items).toHaveLength(1);
      expect((await t.api.get('/api/v1/admin/usage/top', { token: user.accessToken })).status).toBe(
        403,
      );
      for (const query of [
        '?limit=0',
        '?limit=101',
        '?limit=x',
        '?from=2026-01-02&to=2026-01-01',
      ]) {
        const bad = await t.api.get(`/api/v1/admin/usage/top${query}`, { token: t.adminToken });
        expect(bad.status).toBe(400);
      }
    } finally {
      await t.close();
      await own.drop();
    }
  });
});

describe('API token usage written to the database', () => {
  let db: pg.Pool;
  beforeAll(() => {
    db = sqlPool();
  });
  afterAll(() => db.end());

  const written = async (tokenId: string): Promise<number> => {
    const { rows } = await db.query(
      `SELECT coalesce(sum(count), 0)::int AS n FROM token_usage WHERE token_id = $1`,
      [tokenId],
    );
    return rows[0].n;
  };

  it('is written by the timed flush, with no read asking for it', async () => {
    const t = await startTestApp({ USAGE_FLUSH_SECONDS: '1' });
    try {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken);
      for (let i = 0; i < 3; i++) await t.api.get('/api/v1/tokens/current', { token: token.token });
      await waitFor(async () => (await written(token.id)) === 3, 5000);
    } finally {
      await t.close();
    }
  });

  it('is written at a clean shutdown, not lost', async () => {
    const t = await startTestApp({ USAGE_FLUSH_SECONDS: '60' });
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    for (let i = 0; i < 4; i++) await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(await written(token.id)).toBe(0);
    await t.close();
    expect(await written(token.id)).toBe(4);
  });

  it('goes with its token when the token is deleted for good', async () => {
    const t = await startTestApp({ USAGE_FLUSH_SECONDS: '60' });
    try {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken);
      await t.api.get('/api/v1/tokens/current', { token: token.token });
      expect(
        (await t.api.get(`/api/v1/tokens/${token.id}/usage`, { token: user.accessToken })).status,
      ).toBe(200);
      expect(await written(token.id)).toBe(1);
      const deleted = await t.api.delete(`/api/v1/tokens/${token.id}?permanent=true`, {
        token: user.accessToken,
      });
      expect(deleted.status).toBe(204);
      expect(await written(token.id)).toBe(0);
    } finally {
      await t.close();
    }
  });
});
