import type pg from 'pg';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

const DAY_MS = 86_400_000;

describe('Token edits and policy', () => {
  let t: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    t = await startTestApp({ TOKEN_RATE_PER_MINUTE: '50', TOKEN_RATE_PER_HOUR: '1000' });
    sql = await sqlClient();
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const create = (user: LoggedInUser, body: Record<string, unknown>) =>
    t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { scopes: ['tokens:read'], ...body },
    });
  const patch = (user: LoggedInUser, id: string, body: unknown) =>
    t.api.patch(`/api/v1/tokens/${id}`, { token: user.accessToken, body });
  const activeCount = async (userId: string) =>
    (
      await sql.query(
        `SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      )
    ).rows[0].n as number;

  describe('per-token rate limits', () => {
    it('a token created with a lower limit is held to it, and its view shows it', async () => {
      const user = await newUser(t.api);
      const created = await create(user, { name: 'slow', rateLimit: { perMinute: 2 } });
      expect(created.status).toBe(201);
      expect(created.body.rateLimit).toEqual({ perMinute: 2, perHour: null });
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await t.api.get('/api/v1/auth/whoami', { token: created.body.token });
        statuses.push(response.status);
        if (i === 0) expect(response.headers.get('ratelimit-limit')).toBe('2');
      }
      expect(statuses).toEqual([200, 200, 429]);
      const view = await t.api.get(`/api/v1/tokens/${created.body.id}`, {
        token: user.accessToken,
      });
      expect(view.body.rateLimit).toEqual({ perMinute: 2, perHour: null });
    });

    it('PATCH lowers a limit at once, and null gives the server’s back', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken);
      const whoami = () => t.api.get('/api/v1/auth/whoami', { token: token.token });
      expect((await whoami()).headers.get('ratelimit-limit')).toBe('50');
      const lowered = await patch(user, token.id, { rateLimit: { perMinute: 1 } });
      expect(lowered.status).toBe(200);
      expect(lowered.body.rateLimit).toEqual({ perMinute: 1, perHour: null });
      // The one request of this minute was made above.
      expect((await whoami()).status).toBe(429);
      const reset = await patch(user, token.id, { rateLimit: { perMinute: null, perHour: 900 } });
      expect(reset.body.rateLimit).toEqual({ perMinute: null, perHour: 900 });
      expect((await whoami()).status).toBe(200);
    });

    it.each([
      [{ perMinute: 51 }],
      [{ perHour: 1001 }],
      [{ perMinute: 0 }],
      [{ perMinute: 1.5 }],
      [{ perMinute: '10' }],
      [{ perMinute: null }],
      [{ perDay: 10 }],
      [[10]],
      ['fast'],
      [null],
    ])('a create with rateLimit %j is 400 and makes nothing', async (rateLimit) => {
      const user = await newUser(t.api);
      const response = await create(user, { name: 'x', rateLimit });
      expect(response.status).toBe(400);
      expect(await activeCount(user.id)).toBe(0);
    });

    it.each([[{ perMinute: 51 }], [{ perHour: 0 }], [{ perWeek: 1 }], [null]])(
      'a PATCH with rateLimit %j is 400 and changes nothing',
      async (rateLimit) => {
        const user = await newUser(t.api);
        const token = await createToken(t.api, user.accessToken, { rateLimit: { perMinute: 5 } });
        expect((await patch(user, token.id, { rateLimit })).status).toBe(400);
        const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
        expect(view.body.rateLimit).toEqual({ perMinute: 5, perHour: null });
      },
    );

    it('a rotation keeps the limits', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken, { rateLimit: { perHour: 7 } });
      const rotated = await t.api.post(`/api/v1/tokens/${token.id}/rotate`, {
        token: user.accessToken,
      });
      expect(rotated.status).toBe(201);
      expect(rotated.body.rateLimit).toEqual({ perMinute: null, perHour: 7 });
      expect(rotated.body.name).toBe(token.name);
    });

    it('an API token cannot lift its own limit, nor make or change a token looser than itself', async () => {
      const user = await newUser(t.api);
      const limited = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:read', 'tokens:write'],
        rateLimit: { perMinute: 10 },
      });
      const asLimited = { token: limited.token };
      const view = async (id: string) =>
        (await t.api.get(`/api/v1/tokens/${id}`, { token: user.accessToken })).body.rateLimit;

      // Its own limit: lifted (null: the server's 50) or raised, refused; lowered, fine.
      for (const rateLimit of [{ perMinute: null }, { perMinute: 11 }]) {
        const lifted = await t.api.patch(`/api/v1/tokens/${limited.id}`, {
          ...asLimited,
          body: { rateLimit },
        });
        expect(lifted.status).toBe(403);
        expect(lifted.body.message).toMatch(/rateLimit\.perMinute must stay within .* \(10\)/);
      }
      expect(await view(limited.id)).toEqual({ perMinute: 10, perHour: null });

      // A child made without a limit inherits its maker's; one asking for more is refused.
      const child = await t.api.post('/api/v1/tokens', {
        ...asLimited,
        body: { name: 'child', scopes: ['tokens:read'] },
      });
      expect(child.status).toBe(201);
      expect(child.body.rateLimit).toEqual({ perMinute: 10, perHour: null });
      for (const rateLimit of [{ perMinute: 11 }, { perMinute: 50, perHour: 5 }]) {
        const looser = await t.api.post('/api/v1/tokens', {
          ...asLimited,
          body: { name: `looser ${JSON.stringify(rateLimit)}`, scopes: ['tokens:read'], rateLimit },
        });
        expect(looser.status).toBe(403);
      }
      const tighter = await t.api.post('/api/v1/tokens', {
        ...asLimited,
        body: {
          name: 'tighter',
          scopes: ['tokens:read'],
          rateLimit: { perMinute: 3, perHour: 100 },
        },
      });
      expect(tighter.status).toBe(201);
      expect(tighter.body.rateLimit).toEqual({ perMinute: 3, perHour: 100 });
      // Its child's limit lifted through it: refused too.
      const liftChild = await t.api.patch(`/api/v1/tokens/${child.body.id}`, {
        ...asLimited,
        body: { rateLimit: { perMinute: null } },
      });
      expect(liftChild.status).toBe(403);
      expect(await view(child.body.id)).toEqual({ perMinute: 10, perHour: null });

      // A token with no limit of its own, made by the owner, is beyond it: neither changed nor
      // rotated by it.
      const unlimited = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
      const rename = await t.api.patch(`/api/v1/tokens/${unlimited.id}`, {
        ...asLimited,
        body: { name: 'renamed by a limited token' },
      });
      expect(rename.status).toBe(403);
      const rotate = await t.api.post(`/api/v1/tokens/${unlimited.id}/rotate`, {
        ...asLimited,
        body: {},
      });
      expect(rotate.status).toBe(403);

      // The owner's session is held by no token's limits.
      const byOwner = await patch(user, limited.id, { rateLimit: { perMinute: null } });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body.rateLimit).toEqual({ perMinute: null, perHour: null });
    });
  });

  describe('an active token’s name is unique per user', () => {
    it('a second active token of the same name is 409; another user, a revoked or expired one do not count', async () => {
      const user = await newUser(t.api);
      expect((await create(user, { name: 'deploy' })).status).toBe(201);
      const clash = await create(user, { name: 'deploy' });
      expect(clash.status).toBe(409);
      expect(clash.body.message).toContain('"deploy"');
      expect(await activeCount(user.id)).toBe(1);

      const other = await newUser(t.api);
      expect((await create(other, { name: 'deploy' })).status).toBe(201);

      const first = await t.api.get('/api/v1/tokens', { token: user.accessToken });
      await t.api.delete(`/api/v1/tokens/${first.body.items[0].id}`, { token: user.accessToken });
      const second = await create(user, { name: 'deploy' });
      expect(second.status).toBe(201);

      await sql.query(
        `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [second.body.id],
      );
      const third = await create(user, { name: 'deploy' });
      expect(third.status).toBe(201);
      const expired = await t.api.get(`/api/v1/tokens/${second.body.id}`, {
        token: user.accessToken,
      });
      expect(expired.body).toMatchObject({ name: 'deploy', status: 'expired' });
    });

    it('of ten concurrent creates of one name, exactly one is made', async () => {
      const user = await newUser(t.api);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => create(user, { name: 'racer' })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, ...Array(9).fill(409)]);
      expect(await activeCount(user.id)).toBe(1);
    });

    it('a rename onto an active name is 409 and changes nothing', async () => {
      const user = await newUser(t.api);
      await createToken(t.api, user.accessToken, { name: 'taken' });
      const token = await createToken(t.api, user.accessToken, { name: 'free' });
      const clash = await patch(user, token.id, { name: 'taken', description: 'changed' });
      expect(clash.status).toBe(409);
      const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
      expect(view.body).toMatchObject({ name: 'free', description: null });
    });
  });

  describe('PATCH expiresAt', () => {
    it('moves the expiry within TOKEN_MAX_DAYS (3650 unset), audited', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken, { expiresInDays: 1 });
      const at = new Date(Date.now() + 100 * DAY_MS).toISOString();
      const moved = await patch(user, token.id, { expiresAt: at });
      expect(moved.status).toBe(200);
      expect(moved.body.expiresAt).toBe(at);
      const { rows } = await sql.query(
        `SELECT details FROM audit_events WHERE target_id = $1 AND action = 'token.updated'`,
        [token.id],
      );
      expect(rows[0].details).toMatchObject({ changed: ['expiresAt'], expiresAt: at });
    });

    it.each([
      ['in the past', () => new Date(Date.now() - 1000).toISOString()],
      ['beyond 3650 days', () => new Date(Date.now() + 3651 * DAY_MS).toISOString()],
      ['not a date-time', () => 'next week'],
      ['null', () => null],
    ])('refuses an expiry %s with 400', async (_label, value) => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken, { expiresInDays: 5 });
      expect((await patch(user, token.id, { expiresAt: value() })).status).toBe(400);
      const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
      expect(view.body.expiresAt).toBe(token.expiresAt);
    });
  });

  describe('DELETE /tokens/:id?permanent=true', () => {
    it('deletes the caller’s token at once; another user’s is 404', async () => {
      const [owner, stranger] = [await newUser(t.api), await newUser(t.api)];
      const token = await createToken(t.api, owner.accessToken);
      const foreign = await t.api.delete(`/api/v1/tokens/${token.id}?permanent=true`, {
        token: stranger.accessToken,
      });
      expect(foreign.status).toBe(404);
      const gone = await t.api.delete(`/api/v1/tokens/${token.id}?permanent=true`, {
        token: owner.accessToken,
      });
      expect(gone.status).toBe(204);
      expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(401);
      const { rows } = await sql.query('SELECT 1 FROM api_tokens WHERE id = $1', [token.id]);
      expect(rows).toEqual([]);
      const after = await t.api.get(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
      expect(after.status).toBe(404);
    });

    it('deletes an already revoked token too', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken);
      await t.api.delete(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
      const gone = await t.api.delete(`/api/v1/tokens/${token.id}?permanent=true`, {
        token: user.accessToken,
      });
      expect(gone.status).toBe(204);
      const { rows } = await sql.query(
        `SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`,
        [token.id],
      );
      expect(rows.map((row) => row.action).sort()).toEqual([
        'token.created',
        'token.deleted',
        'token.revoked',
      ]);
    });
  });
});

describe('TOKEN_MAX_DAYS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TOKEN_MAX_DAYS: '30' });
  });
  afterAll(() => t?.close());

  it('refuses a longer lifetime with 400, by days or by date, on create and on PATCH', async () => {
    const user = await newUser(t.api);
    const over = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'long', scopes: ['tokens:read'], expiresInDays: 31 },
    });
    expect(over.status).toBe(400);
    expect(over.body.message).toMatch(/at most 30/);
    const overDate = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: {
        name: 'long',
        scopes: ['tokens:read'],
        expiresAt: new Date(Date.now() + 31 * DAY_MS).toISOString(),
      },
    });
    expect(overDate.status).toBe(400);
    const token = await createToken(t.api, user.accessToken, { expiresInDays: 30 });
    const patched = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { expiresAt: new Date(Date.now() + 31 * DAY_MS).toISOString() },
    });
    expect(patched.status).toBe(400);
  });

  it('gives a token asked for without an expiry the longest lifetime', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    const expiresAt = Date.parse(token.expiresAt as string);
    expect(Math.abs(expiresAt - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
  });
});
