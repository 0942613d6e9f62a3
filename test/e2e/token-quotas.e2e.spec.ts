import type pg from 'pg';
import { sqlPool } from '../support/database.js';
import {
  createToken,
  newUser,
  startAdminApp,
  startTestApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

const DAY = 86_400_000;

/** Quotas of API tokens over HTTP, on one instance without Redis (exact per instance). */
describe('API token quotas', () => {
  let t: AdminApp;
  let db: pg.Pool;
  let user: LoggedInUser;
  let verifier: string;

  beforeAll(async () => {
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

  const use = (token: string) => t.api.get('/api/v1/tokens/current', { token });
  const view = async (id: string) =>
    (await t.api.get(`/api/v1/tokens/${id}`, { token: user.accessToken })).body;
  const verify = (token: string) =>
    t.api.post('/api/v1/verify', { token: verifier, body: { token } }).then((r) => r.body);
  const nextMidnight = () => new Date(Math.floor(Date.now() / DAY) * DAY + DAY).toISOString();

  it('lets exactly limit uses through in the day, then refuses with 429 and Retry-After at midnight UTC', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 3, period: 'day' },
    });
    expect(token.quota).toEqual({ limit: 3, period: 'day', remaining: 3, reset: nextMidnight() });
    const first = await verify(token.token);
    expect(first).toMatchObject({
      valid: true,
      code: 'VALID',
      quota: { limit: 3, remaining: 2, reset: nextMidnight() },
    });
    expect((await use(token.token)).status).toBe(200);
    const forwarded = await t.api.get('/api/v1/forward-auth', {
      token: token.token,
      headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/x' },
    });
    expect(forwarded.status).toBe(200);

    const refused = await use(token.token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    const untilMidnight = (Date.parse(nextMidnight()) - Date.now()) / 1000;
    expect(Math.abs(retryAfter - untilMidnight)).toBeLessThan(5);
    const forwardRefused = await t.api.get('/api/v1/forward-auth', {
      token: token.token,
      headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/x' },
    });
    expect(forwardRefused.status).toBe(429);
    expect(forwardRefused.headers.get('retry-after')).not.toBeNull();
    expect(await verify(token.token)).toEqual({
      valid: false,
      code: 'USAGE_EXCEEDED',
      quota: { limit: 3, remaining: 0, reset: nextMidnight() },
    });
    expect((await view(token.id)).quota).toEqual({
      limit: 3,
      period: 'day',
      remaining: 0,
      reset: nextMidnight(),
    });
    const usage = await t.api.get(`/api/v1/tokens/${token.id}/usage`, { token: user.accessToken });
    expect(usage.body.series.at(-1)).toEqual(
      expect.objectContaining({ valid: 3, refused: { USAGE_EXCEEDED: 3 } }),
    );
  });

  it('never counts a refused use against the quota', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 5, period: 'month' },
      rateLimit: { perMinute: 2 },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await use(token.token)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect((await view(token.id)).quota.remaining).toBe(3);
  });

  it('lets exactly limit of many concurrent uses through', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 10, period: 'total' },
    });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => use(token.token).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const view_ = await view(token.id);
    expect(view_.quota).toEqual({ limit: 10, period: 'total', remaining: 0, reset: null });
    // A total quota never starts over: no Retry-After.
    const refused = await use(token.token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
  });

  it.each([
    [{ limit: 0, period: 'day' }],
    [{ limit: -1, period: 'day' }],
    [{ limit: 1.5, period: 'day' }],
    [{ limit: 2147483648, period: 'day' }],
    [{ limit: '3', period: 'day' }],
    [{ limit: 3, period: 'Day' }],
    [{ limit: 3, period: 'DAY' }],
    [{ limit: 3, period: 'week' }],
    [{ limit: 3 }],
    [{ period: 'day' }],
    [{ limit: 3, period: 'day', extra: 1 }],
    [[3, 'day']],
    ['3/day'],
    [null],
  ])('refuses the quota %j with 400 and creates nothing', async (quota) => {
    const created = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'bad quota', scopes: ['tokens:read'], quota },
    });
    expect(created.status).toBe(400);
    const list = await t.api.get('/api/v1/tokens', { token: user.accessToken });
    expect(list.body.items).toHaveLength(0);
  });

  it('takes the largest quota, 2^31-1', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 2147483647, period: 'total' },
    });
    expect(token.quota).toMatchObject({ limit: 2147483647, remaining: 2147483647 });
  });

  it('refuses the next use once PATCH lowers the quota below what was used, and never goes negative', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 10, period: 'day' },
    });
    for (let i = 0; i < 4; i++) expect((await use(token.token)).status).toBe(200);
    const lowered = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { quota: { limit: 2, period: 'day' } },
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body.quota).toMatchObject({ limit: 2, remaining: 0 });
    expect((await use(token.token)).status).toBe(429);
    expect((await verify(token.token)).quota).toMatchObject({ remaining: 0 });
    const raised = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { quota: { limit: 5, period: 'day' } },
    });
    expect(raised.body.quota).toMatchObject({ limit: 5, remaining: 1 });
    expect((await use(token.token)).status).toBe(200);
    expect((await use(token.token)).status).toBe(429);
    const removed = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { quota: null },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.quota).toBeUndefined();
    expect((await use(token.token)).status).toBe(200);
  });

  it('refuses a bad quota in PATCH with 400 and leaves the quota as it was', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 4, period: 'day' },
    });
    for (const quota of [{ limit: 0, period: 'day' }, { limit: 4, period: 'Month' }, 7]) {
      const answer = await t.api.patch(`/api/v1/tokens/${token.id}`, {
        token: user.accessToken,
        body: { quota },
      });
      expect(answer.status).toBe(400);
    }
    expect((await view(token.id)).quota).toMatchObject({ limit: 4, period: 'day' });
  });

  it('holds a PATCH that races uses: the counter stays whole and nothing goes negative', async () => {
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 100, period: 'day' },
    });
    const uses = Array.from({ length: 30 }, () => use(token.token).then((r) => r.status));
    const patch = t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { quota: { limit: 5, period: 'day' } },
    });
    const [statuses, patched] = await Promise.all([Promise.all(uses), patch]);
    expect(patched.status).toBe(200);
    const passed = statuses.filter((s) => s === 200).length;
    expect(passed + statuses.filter((s) => s === 429).length).toBe(30);
    expect((await view(token.id)).quota.remaining).toBe(Math.max(0, 5 - passed));
    // Once the PATCH has answered, the new limit holds.
    if (passed >= 5) expect((await use(token.token)).status).toBe(429);
    const after = await view(token.id);
    expect(after.quota.remaining).toBeGreaterThanOrEqual(0);
  });

  it('shares one quota between a rotated token and its successor', async () => {
    const old = await createToken(t.api, user.accessToken, { quota: { limit: 5, period: 'day' } });
    for (let i = 0; i < 3; i++) expect((await use(old.token)).status).toBe(200);
    const rotated = await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 600 },
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.quota).toMatchObject({ limit: 5, period: 'day', remaining: 2 });
    expect((await use(old.token)).status).toBe(200);
    expect((await use(rotated.body.token)).status).toBe(200);
    expect((await use(rotated.body.token)).status).toBe(429);
    expect((await use(old.token)).status).toBe(429);
    // Rotating again does not start it over either.
    const again = await t.api.post(`/api/v1/tokens/${rotated.body.id}/rotate`, {
      token: user.accessToken,
      body: {},
    });
    expect(again.body.quota).toMatchObject({ remaining: 0 });
    expect((await use(again.body.token)).status).toBe(429);
  });
});

describe('API token quotas across a restart', () => {
  it('start again from the uses written to the database', async () => {
    let t = await startTestApp({ USAGE_FLUSH_SECONDS: '60' });
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 3, period: 'total' },
    });
    for (let i = 0; i < 2; i++) {
      expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);
    }
    await t.close();
    t = await startTestApp({ USAGE_FLUSH_SECONDS: '60' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await t.api.get('/api/v1/tokens/current', { token: token.token })).status);
      }
      expect(statuses).toEqual([200, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
