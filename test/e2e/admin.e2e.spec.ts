import type pg from 'pg';
import {
  PASSWORD,
  createToken,
  login,
  newUser,
  startAdminApp,
  startTestApp,
  uniqueEmail,
  type AdminApp,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

describe('Admin API', () => {
  let t: AdminApp;
  let sql: pg.Client;

  beforeAll(async () => {
    t = await startAdminApp();
    sql = await sqlClient();
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it("lists any user's tokens, with the owner's filters and paging", async () => {
    const user = await newUser(t.api);
    const first = await createToken(t.api, user.accessToken, { name: 'first' });
    const second = await createToken(t.api, user.accessToken, { name: 'second' });
    await t.api.delete(`/api/v1/tokens/${first.id}`, { token: user.accessToken });

    const active = await t.api.get(`/api/v1/admin/users/${user.id}/tokens`, {
      token: t.adminToken,
    });
    expect(active.status).toBe(200);
    expect(active.body.items.map((token: { id: string }) => token.id)).toEqual([second.id]);
    expect(JSON.stringify(active.body)).not.toContain(second.token);

    const all = await t.api.get(`/api/v1/admin/users/${user.id}/tokens?status=all&limit=1`, {
      token: t.adminToken,
    });
    expect(all.body.items.map((token: { id: string }) => token.id)).toEqual([second.id]);
    const next = await t.api.get(
      `/api/v1/admin/users/${user.id}/tokens?status=all&limit=1&cursor=${all.body.nextCursor}`,
      { token: t.adminToken },
    );
    expect(next.body).toMatchObject({
      items: [{ id: first.id, status: 'revoked' }],
      nextCursor: null,
    });

    expect(
      (
        await t.api.get(`/api/v1/admin/users/00000000-0000-4000-8000-000000000000/tokens`, {
          token: t.adminToken,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.api.get(`/api/v1/admin/users/nope/tokens`, { token: t.adminToken })).status,
    ).toBe(400);
    expect(
      (await t.api.get(`/api/v1/admin/users/${user.id}/tokens?status=bad`, { token: t.adminToken }))
        .status,
    ).toBe(400);
  });

  it("revokes any user's token at once, idempotently, and the audit log names the admin", async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(200);

    const revoked = await t.api.delete(`/api/v1/admin/tokens/${token.id}`, { token: t.adminToken });
    expect(revoked.status).toBe(204);
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(401);
    expect(
      (await t.api.delete(`/api/v1/admin/tokens/${token.id}`, { token: t.adminToken })).status,
    ).toBe(204);
    expect(
      (
        await t.api.delete(`/api/v1/admin/tokens/00000000-0000-4000-8000-000000000000`, {
          token: t.adminToken,
        })
      ).status,
    ).toBe(404);

    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.status).toBe('revoked');

    const audit = await t.api.get(`/api/v1/admin/audit?targetId=${token.id}&action=token.revoked`, {
      token: t.adminToken,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'token.revoked',
      actor: { userId: t.adminId, via: 'session', ip: '127.0.0.1' },
      target: { type: 'token', id: token.id, ownerId: user.id },
      details: { reason: 'admin' },
    });
  });

  it('filters the audit log by actor, target, owner, action and time, and pages through it without gaps', async () => {
    const user = await newUser(t.api);
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await createToken(t.api, user.accessToken, { name: `t${i}` })).id);
    await t.api.delete(`/api/v1/tokens/${made[0]}`, { token: user.accessToken });
    const get = (query: string) =>
      t.api.get(`/api/v1/admin/audit?${query}`, { token: t.adminToken });

    const byActor = await get(`actorId=${user.id}`);
    // Registered, logged in, five tokens, one revocation: newest first.
    expect(byActor.body.items.map((e: { action: string }) => e.action)).toEqual([
      'token.revoked',
      ...Array(5).fill('token.created'),
      'session.created',
      'user.registered',
    ]);
    const created = await get(`ownerId=${user.id}&action=token.created,token.revoked`);
    expect(created.body.items).toHaveLength(6);
    expect((await get(`ownerId=${user.id}&targetType=session`)).body.items).toHaveLength(1);

    // Pages of two: all six, each once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
        `ownerId=${user.id}&action=token.created,token.revoked&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.body.items.map((e: { id: string }) => e.id));

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await get(`actorId=${user.id}&since=${future}`)).body.items).toEqual([]);
    const until = (await get(`actorId=${user.id}&until=${byActor.body.items[6].occurredAt}`)).body
      .items;
    expect(until.map((e: { action: string }) => e.action)).toEqual(['user.registered']);

    for (const bad of [
      'action=token.eaten',
      'since=yesterday',
      'actorId=x',
      'limit=0',
      'limit=101',
      'cursor=abc',
      'targetType=cat',
      'other=1',
    ]) {
      const response = await get(bad);
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
  });

  it('names people by email and tokens by name in the audit log, and filters it by email', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { name: 'labelled' });
    await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { name: 'renamed' },
    });
    // Deleted for good by the admin: its name still shows, from its events.
    const gone = await t.api.delete(`/api/v1/admin/tokens/${token.id}?permanent=true`, {
      token: t.adminToken,
    });
    expect(gone.status).toBe(204);
    const adminEmail = (await t.api.get('/api/v1/auth/me', { token: t.adminToken })).body.email;

    const byOwner = await t.api.get(
      `/api/v1/admin/audit?targetType=token&ownerEmail=${encodeURIComponent(user.email.toUpperCase())}`,
      { token: t.adminToken },
    );
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.items.length).toBeGreaterThanOrEqual(3);
    for (const event of byOwner.body.items) {
      expect(event.target).toMatchObject({
        type: 'token',
        id: token.id,
        ownerId: user.id,
        ownerEmail: user.email,
        label: 'renamed',
      });
    }
    const created = byOwner.body.items.find(
      (e: { action: string }) => e.action === 'token.created',
    );
    expect(created.actor).toMatchObject({ userId: user.id, email: user.email });

    const byAdmin = await t.api.get(
      `/api/v1/admin/audit?ownerEmail=${encodeURIComponent(user.email)}&actorEmail=${encodeURIComponent(adminEmail)}`,
      { token: t.adminToken },
    );
    expect(byAdmin.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'token.deleted',
      'token.revoked',
    ]);
    expect(byAdmin.body.items[0].actor.email).toBe(adminEmail);

    // An email no one has matches nothing, rather than everything.
    const nobody = await t.api.get('/api/v1/admin/audit?actorEmail=nobody%40example.test', {
      token: t.adminToken,
    });
    expect(nobody.body).toEqual({ items: [], nextCursor: null });
    const tooLong = await t.api.get(`/api/v1/admin/audit?actorEmail=${'a'.repeat(300)}`, {
      token: t.adminToken,
    });
    expect(tooLong.status).toBe(400);
  });

  it('gives a token created without an expiry the server default, and says which it is', async () => {
    const defaults = await startTestApp({ TOKEN_DEFAULT_DAYS: '30', TOKEN_MAX_DAYS: '365' });
    try {
      const said = await defaults.api.get('/api/v1/tokens/defaults');
      expect(said.body).toEqual({ defaultDays: 30, maxDays: 365 });
      const user = await newUser(defaults.api);
      const token = await createToken(defaults.api, user.accessToken);
      const days = (Date.parse(String(token.expiresAt)) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
      // Named, an expiry is kept as asked.
      const named = await createToken(defaults.api, user.accessToken, { expiresInDays: 200 });
      expect(Date.parse(String(named.expiresAt)) - Date.now()).toBeGreaterThan(199 * 86_400_000);
    } finally {
      await defaults.close();
    }
    // Unset (and no TOKEN_MAX_DAYS): such tokens never expire, as before.
    expect((await t.api.get('/api/v1/tokens/defaults')).body).toEqual({
      defaultDays: null,
      maxDays: 3650,
    });
    const user = await newUser(t.api);
    expect((await createToken(t.api, user.accessToken)).expiresAt).toBeNull();
  });

  it("lists every user's tokens with the owner's email", async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { name: 'owned', expiresInDays: 2 });
    const listed = await t.api.get('/api/v1/admin/tokens?expiringWithinDays=3&limit=100', {
      token: t.adminToken,
    });
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((item: { id: string }) => item.id === token.id);
    expect(mine).toMatchObject({ userId: user.id, ownerEmail: user.email, name: 'owned' });
  });

  it('creates the bootstrap admin once and never overwrites it, nor an ordinary user with that email', async () => {
    const email = uniqueEmail('boot');
    const first = await startTestApp({ ADMIN_EMAIL: email, ADMIN_PASSWORD: PASSWORD });
    await first.close();
    // A restart with another password changes nothing; several instances at once make one user.
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        startTestApp({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'another password 123' }),
      ),
    );
    try {
      expect((await login(t.api, email, 'another password 123')).status).toBe(401);
      const session = await login(t.api, email);
      expect(session.status).toBe(200);
      const me = await t.api.get('/api/v1/auth/me', { token: session.body.accessToken });
      expect(me.body.role).toBe('admin');
      const rows = await sql.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
        email,
      ]);
      expect(rows.rows[0].n).toBe(1);
    } finally {
      await Promise.all(again.map((app) => app.close()));
    }

    const user = await newUser(t.api);
    const withUser = await startTestApp({
      ADMIN_EMAIL: user.email,
      ADMIN_PASSWORD: 'another password 123',
    });
    await withUser.close();
    const me = await t.api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(me.body.role).toBe('user');
    expect((await login(t.api, user.email)).status).toBe(200);
  });
});
