import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import {
  PASSWORD,
  createToken,
  login,
  newUser,
  startAdminApp,
  type AdminApp,
  type Api,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

const NO_SUCH_USER = '00000000-0000-4000-8000-000000000000';

describe('Users for admins', () => {
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

  const asAdmin = (path: string) => t.api.get(path, { token: t.adminToken });
  const patchUser = (id: string, body: unknown, token = t.adminToken) =>
    t.api.patch(`/api/v1/admin/users/${id}`, { token, body });

  /** Three users whose emails share a marker of mixed case, newest last. */
  async function markedUsers() {
    const marker = `Mark${randomBytes(4).toString('hex')}`;
    const users = [];
    for (let i = 0; i < 3; i++) {
      const email = `${marker.toLowerCase()}-${i}@example.test`;
      const registered = await t.api.post('/api/v1/auth/register', {
        body: { email, password: PASSWORD },
      });
      expect(registered.status).toBe(201);
      users.push({ id: registered.body.id as string, email });
    }
    return { marker, users };
  }

  describe('GET /admin/users', () => {
    it('finds users by a part of their email in any case, newest first, page by page', async () => {
      const { marker, users } = await markedUsers();
      const first = await asAdmin(`/api/v1/admin/users?email=${marker.toUpperCase()}&limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((u: { id: string }) => u.id)).toEqual([users[2].id, users[1].id]);
      const second = await asAdmin(
        `/api/v1/admin/users?email=${marker}&limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(second.body).toEqual({
        items: [expect.objectContaining({ id: users[0].id })],
        nextCursor: null,
      });
      expect(second.body.items[0]).toEqual({
        id: users[0].id,
        email: users[0].email,
        name: null,
        role: 'user',
        disabled: false,
        createdAt: expect.any(String),
        lastLoginAt: null,
        activeTokens: 0,
        activeSessions: 0,
      });
    });

    it('takes the wildcards of SQL in the search literally', async () => {
      const { marker } = await markedUsers();
      const wild = await asAdmin(`/api/v1/admin/users?email=${marker}%25`);
      expect(wild.body.items).toEqual([]);
      const underscore = await asAdmin(`/api/v1/admin/users?email=${marker}_0`);
      expect(underscore.body.items).toEqual([]);
    });

    it('filters by role and by disabled', async () => {
      const { marker, users } = await markedUsers();
      expect((await patchUser(users[0].id, { role: 'admin' })).status).toBe(200);
      expect((await patchUser(users[1].id, { disabled: true })).status).toBe(200);
      const ids = async (query: string) =>
        (await asAdmin(`/api/v1/admin/users?email=${marker}&${query}`)).body.items.map(
          (u: { id: string }) => u.id,
        );
      expect(await ids('role=admin')).toEqual([users[0].id]);
      expect(await ids('role=user')).toEqual([users[2].id, users[1].id]);
      expect(await ids('disabled=true')).toEqual([users[1].id]);
      expect(await ids('disabled=false')).toEqual([users[2].id, users[0].id]);
      expect(await ids('role=user&disabled=false')).toEqual([users[2].id]);
    });

    it('counts active tokens and sessions, and shows the last login', async () => {
      const user = await newUser(t.api);
      await login(t.api, user.email);
      const kept = await createToken(t.api, user.accessToken);
      const revoked = await createToken(t.api, user.accessToken);
      await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
      await t.api.post('/api/v1/auth/logout', { token: user.accessToken });
      const one = await asAdmin(`/api/v1/admin/users/${user.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: user.id, activeTokens: 1, activeSessions: 1 });
      expect(Date.parse(one.body.lastLoginAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(kept.id).toBeDefined();
    });

    it.each([
      ['limit=0'],
      ['limit=101'],
      ['limit=ten'],
      ['role=root'],
      ['disabled=yes'],
      ['disabled='],
      ['email='],
      [`email=${'a'.repeat(321)}`],
      ['cursor=not-a-cursor'],
      ['sort=email'],
    ])('refuses ?%s with 400', async (query) => {
      const response = await asAdmin(`/api/v1/admin/users?${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('is for admins only', async () => {
      const user = await newUser(t.api);
      const response = await t.api.get('/api/v1/admin/users', { token: user.accessToken });
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
      expect((await t.api.get('/api/v1/admin/users')).status).toBe(401);
    });

    it('answers 404 for an unknown user and 400 for a malformed id', async () => {
      expect((await asAdmin(`/api/v1/admin/users/${NO_SUCH_USER}`)).status).toBe(404);
      expect((await asAdmin('/api/v1/admin/users/nope')).status).toBe(400);
    });
  });

  describe('PATCH /admin/users/:id', () => {
    it('disabling refuses the sessions and API tokens, login answers as for a wrong password; enabling brings them back', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
      const works = async (credential: string) =>
        (await t.api.get('/api/v1/auth/whoami', { token: credential })).status;
      expect(await works(user.accessToken)).toBe(200);
      expect(await works(token.token)).toBe(200);

      const disabled = await patchUser(user.id, { disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: user.id, disabled: true, role: 'user' });

      const refusedSession = await t.api.get('/api/v1/auth/me', { token: user.accessToken });
      expect(refusedSession.status).toBe(401);
      expect(refusedSession.headers.get('www-authenticate')).toBe(
        'Bearer realm="tessera", error="invalid_token"',
      );
      expect(await works(token.token)).toBe(401);
      const refused = await login(t.api, user.email);
      const wrongPassword = await login(t.api, user.email, 'not the password at all');
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual(wrongPassword.body);
      const grant = (password: string) =>
        t.api.post('/api/v1/auth/token', {
          form: { grant_type: 'password', username: user.email, password },
        });
      const refusedGrant = await grant(PASSWORD);
      const wrongGrant = await grant('not the password at all');
      expect(refusedGrant.status).toBe(wrongGrant.status);
      expect(refusedGrant.body).toEqual(wrongGrant.body);
      const refresh = await t.api.post('/api/v1/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      expect(refresh.status).toBe(401);

      const verified = await t.api.post('/api/v1/verify', {
        token: t.adminToken,
        body: { token: token.token },
      });
      expect(verified.body).toMatchObject({ valid: false, code: 'USER_DISABLED' });
      const session = await t.api.post('/api/v1/verify', {
        token: t.adminToken,
        body: { token: user.accessToken },
      });
      expect(session.body).toMatchObject({ valid: false, code: 'USER_DISABLED' });
      const introspected = await t.api.post('/api/v1/introspect', {
        token: t.adminToken,
        body: { token: token.token },
      });
      expect(introspected.body).toEqual({ active: false });

      const enabled = await patchUser(user.id, { disabled: false });
      expect(enabled.body).toMatchObject({ disabled: false });
      expect(await works(user.accessToken)).toBe(200);
      expect(await works(token.token)).toBe(200);
      expect((await login(t.api, user.email)).status).toBe(200);
      const refreshed = await t.api.post('/api/v1/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      expect(refreshed.status).toBe(200);

      const audit = await asAdmin(
        `/api/v1/admin/audit?targetId=${user.id}&action=user.disabled,user.enabled`,
      );
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'user.enabled',
        'user.disabled',
      ]);
      expect(audit.body.items[0].actor).toMatchObject({ userId: t.adminId, via: 'session' });
    });

    it('a password reset of a disabled user enables nothing', async () => {
      const user = await newUser(t.api);
      await patchUser(user.id, { disabled: true });
      const link = `tsrp_${randomBytes(32).toString('base64url')}`;
      await sql.query(
        `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + interval '10 minutes')`,
        [user.id, createHash('sha256').update(link).digest()],
      );
      const reset = await t.api.post('/api/v1/auth/password-reset/confirm', {
        body: { token: link, newPassword: 'a brand new password' },
      });
      expect(reset.status).toBe(204);
      expect((await login(t.api, user.email, 'a brand new password')).status).toBe(401);
      expect((await asAdmin(`/api/v1/admin/users/${user.id}`)).body.disabled).toBe(true);
    });

    it('a role change applies at once to the sessions and tokens of the user', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
      const whoami = (credential: string) =>
        t.api.get('/api/v1/auth/whoami', { token: credential });
      expect((await t.api.get('/api/v1/admin/jobs', { token: user.accessToken })).status).toBe(403);
      const promoted = await patchUser(user.id, { role: 'admin' });
      expect(promoted.body.role).toBe('admin');
      expect((await whoami(user.accessToken)).body.role).toBe('admin');
      expect((await whoami(token.token)).body.role).toBe('admin');
      expect((await t.api.get('/api/v1/admin/jobs', { token: user.accessToken })).status).toBe(200);
      await patchUser(user.id, { role: 'user' });
      expect((await whoami(user.accessToken)).body.role).toBe('user');
      expect((await t.api.get('/api/v1/admin/jobs', { token: user.accessToken })).status).toBe(403);
      const audit = await asAdmin(
        `/api/v1/admin/audit?targetId=${user.id}&action=user.role_changed`,
      );
      expect(audit.body.items.map((e: { details: unknown }) => e.details)).toEqual([
        { from: 'admin', to: 'user', source: 'admin' },
        { from: 'user', to: 'admin', source: 'admin' },
      ]);
    });

    it('an admin cannot disable or demote themself, and nothing changes', async () => {
      const disable = await patchUser(t.adminId, { disabled: true });
      expect(disable.status).toBe(403);
      expect(disable.body.message).toMatch(/cannot disable your own account/);
      const demote = await patchUser(t.adminId, { role: 'user' });
      expect(demote.status).toBe(403);
      expect(demote.body.message).toMatch(/cannot remove your own admin role/);
      const self = await asAdmin(`/api/v1/admin/users/${t.adminId}`);
      expect(self.body).toMatchObject({ role: 'admin', disabled: false });
      // Keeping what one has is no change and no refusal.
      expect((await patchUser(t.adminId, { role: 'admin', disabled: false })).status).toBe(200);
    });

    it.each([
      [{ role: 'root' }],
      [{ role: null }],
      [{ disabled: 'yes' }],
      [{ disabled: null }],
      [{ email: 'x@example.test' }],
      [[]],
    ])('refuses %j with 400 and changes nothing', async (body) => {
      const user = await newUser(t.api);
      const response = await patchUser(user.id, body);
      expect(response.status).toBe(400);
      expect((await asAdmin(`/api/v1/admin/users/${user.id}`)).body).toMatchObject({
        role: 'user',
        disabled: false,
      });
    });

    it('answers 404 for an unknown user', async () => {
      expect((await patchUser(NO_SUCH_USER, { disabled: true })).status).toBe(404);
    });
  });

  describe('POST /admin/users/:id/logout-all', () => {
    it('ends every session of the user and leaves its API tokens working', async () => {
      const user = await newUser(t.api);
      const other = (await login(t.api, user.email)).body;
      const token = await createToken(t.api, user.accessToken);
      const response = await t.api.post(`/api/v1/admin/users/${user.id}/logout-all`, {
        token: t.adminToken,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ revoked: 2 });
      for (const access of [user.accessToken, other.accessToken]) {
        expect((await t.api.get('/api/v1/auth/me', { token: access })).status).toBe(401);
      }
      expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);
      const again = await t.api.post(`/api/v1/admin/users/${user.id}/logout-all`, {
        token: t.adminToken,
      });
      expect(again.body).toEqual({ revoked: 0 });
      const unknown = await t.api.post(`/api/v1/admin/users/${NO_SUCH_USER}/logout-all`, {
        token: t.adminToken,
      });
      expect(unknown.status).toBe(404);
    });
  });

  describe('GET /admin/tokens', () => {
    it('lists the tokens of every user expiring within the days asked, each with its owner', async () => {
      const [a, b] = [await newUser(t.api), await newUser(t.api)];
      const soonA = await createToken(t.api, a.accessToken, { expiresInDays: 3 });
      const soonB = await createToken(t.api, b.accessToken, { expiresInDays: 6 });
      const later = await createToken(t.api, b.accessToken, { expiresInDays: 30 });
      const revoked = await createToken(t.api, a.accessToken, { expiresInDays: 2 });
      await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: a.accessToken });

      const ids: string[] = [];
      let cursor = '';
      do {
        const page = await asAdmin(
          `/api/v1/admin/tokens?expiringWithinDays=7&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        for (const item of page.body.items) {
          expect(item).toHaveProperty('userId');
          expect(item).not.toHaveProperty('token');
          ids.push(item.id);
        }
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      expect(ids).toEqual(expect.arrayContaining([soonA.id, soonB.id]));
      expect(ids).not.toContain(later.id);
      expect(ids).not.toContain(revoked.id);

      const all = await asAdmin('/api/v1/admin/tokens?status=revoked&limit=100');
      const found = all.body.items.find((item: { id: string }) => item.id === revoked.id);
      expect(found).toMatchObject({ userId: a.id, status: 'revoked' });
    });

    it.each([
      ['expiringWithinDays=0'],
      ['expiringWithinDays=3651'],
      ['status=gone'],
      ['limit=500'],
      ['userId=x'],
    ])('refuses ?%s with 400', async (query) => {
      expect((await asAdmin(`/api/v1/admin/tokens?${query}`)).status).toBe(400);
    });
  });

  describe('DELETE /admin/tokens/:id?permanent=true', () => {
    it('revokes and deletes the row at once; the audit log keeps the events', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken);
      const gone = await t.api.delete(`/api/v1/admin/tokens/${token.id}?permanent=true`, {
        token: t.adminToken,
      });
      expect(gone.status).toBe(204);
      expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(401);
      const { rows } = await sql.query('SELECT 1 FROM api_tokens WHERE id = $1', [token.id]);
      expect(rows).toEqual([]);
      const audit = await asAdmin(`/api/v1/admin/audit?targetId=${token.id}`);
      // The revocation and the deletion share one transaction, hence one timestamp.
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'token.created',
        'token.deleted',
        'token.revoked',
      ]);
      const again = await t.api.delete(`/api/v1/admin/tokens/${token.id}?permanent=true`, {
        token: t.adminToken,
      });
      expect(again.status).toBe(404);
    });

    it('refuses ?permanent=yes with 400 and leaves the token alone', async () => {
      const user = await newUser(t.api);
      const token = await createToken(t.api, user.accessToken);
      const response = await t.api.delete(`/api/v1/admin/tokens/${token.id}?permanent=yes`, {
        token: t.adminToken,
      });
      expect(response.status).toBe(400);
      expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(200);
    });
  });
});

describe('At least one admin remains', () => {
  let db: IsolatedDatabase;
  let t: AdminApp;

  beforeAll(async () => {
    // A database of its own, so that the admins here are the only ones.
    db = await isolatedDatabase();
    t = await startAdminApp({ DATABASE_URL: db.url });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  async function secondAdmin(api: Api) {
    const user = await newUser(api);
    const promoted = await api.patch(`/api/v1/admin/users/${user.id}`, {
      token: t.adminToken,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    return user;
  }

  it('of two admins demoting each other at once, one wins and the other is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const other = await secondAdmin(t.api);
      const [first, second] = await Promise.all([
        t.api.patch(`/api/v1/admin/users/${other.id}`, {
          token: t.adminToken,
          body: { role: 'user' },
        }),
        t.api.patch(`/api/v1/admin/users/${t.adminId}`, {
          token: other.accessToken,
          body: { role: 'user' },
        }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses[0]).toBe(200);
      expect([401, 403]).toContain(statuses[1]);
      const admins = await t.api.get('/api/v1/admin/users?role=admin&disabled=false', {
        token: first.status === 200 ? t.adminToken : other.accessToken,
      });
      expect(admins.body.items).toHaveLength(1);
      if (second.status === 200) {
        // The other admin won: it gives the role back for the next round.
        const restored = await t.api.patch(`/api/v1/admin/users/${t.adminId}`, {
          token: other.accessToken,
          body: { role: 'admin' },
        });
        expect(restored.status).toBe(200);
        await t.api.patch(`/api/v1/admin/users/${other.id}`, {
          token: t.adminToken,
          body: { role: 'user' },
        });
      }
    }
  });

  it('of two admins disabling each other at once, one stays enabled', async () => {
    const other = await secondAdmin(t.api);
    const [first, second] = await Promise.all([
      t.api.patch(`/api/v1/admin/users/${other.id}`, {
        token: t.adminToken,
        body: { disabled: true },
      }),
      t.api.patch(`/api/v1/admin/users/${t.adminId}`, {
        token: other.accessToken,
        body: { disabled: true },
      }),
    ]);
    expect([first.status, second.status].filter((status) => status === 200)).toHaveLength(1);
    const winner = first.status === 200 ? t.adminToken : other.accessToken;
    const admins = await t.api.get('/api/v1/admin/users?role=admin&disabled=false', {
      token: winner,
    });
    expect(admins.status).toBe(200);
    expect(admins.body.items).toHaveLength(1);
  });
});

describe('A role change and the scopes stored on tokens', () => {
  let t: AdminApp;
  let hooks: WebhookReceiver;
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    // A database of its own: an instance of another file with a WEBHOOK_URL would otherwise
    // claim this file's events from the shared outbox and send them to its own receiver.
    isolated = await isolatedDatabase();
    hooks = await WebhookReceiver.start();
    t = await startAdminApp({
      DATABASE_URL: isolated.url,
      WEBHOOK_URL: hooks.url,
      WEBHOOK_SECRET: 'whsec-test-' + 'a1B2c3'.repeat(6),
      WEBHOOK_POLL_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t?.close();
    await hooks?.stop();
    await isolated?.drop();
  });

  const patchUser = (id: string, body: unknown) =>
    t.api.patch(`/api/v1/admin/users/${id}`, { token: t.adminToken, body });

  it('drops admin-only scopes from the rows on demotion, audited and told, and a promotion back does not revive them', async () => {
    const user = await newUser(t.api);
    expect((await patchUser(user.id, { role: 'admin' })).status).toBe(200);
    const session = (await login(t.api, user.email)).body.accessToken as string;
    const token = await createToken(t.api, session, {
      scopes: ['admin', 'tokens:read', 'tokens:verify'],
    });
    const plain = await createToken(t.api, session, { scopes: ['tokens:read'] });
    // Cached on this instance with its admin scopes.
    expect((await t.api.get('/api/v1/admin/jobs', { token: token.token })).status).toBe(200);

    expect((await patchUser(user.id, { role: 'user' })).status).toBe(200);
    const userSession = (await login(t.api, user.email)).body.accessToken as string;
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: userSession });
    expect(view.body.scopes).toEqual(['tokens:read']);
    const current = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(current.body.scopes).toEqual(['tokens:read']);
    expect((await t.api.get('/api/v1/admin/jobs', { token: token.token })).status).toBe(403);

    const audit = await t.api.get(`/api/v1/admin/audit?targetId=${token.id}&action=token.updated`, {
      token: t.adminToken,
    });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { userId: expect.any(String) },
      details: {
        changed: ['scopes'],
        scopes: ['tokens:read'],
        removedScopes: ['admin', 'tokens:verify'],
        reason: 'role_changed',
      },
    });
    // A token that held nothing beyond the role is left alone.
    const untouched = await t.api.get(
      `/api/v1/admin/audit?targetId=${plain.id}&action=token.updated`,
      { token: t.adminToken },
    );
    expect(untouched.body.items).toEqual([]);
    const [hook] = await hooks.waitFor(() => {
      const found = hooks
        .about({ tokenId: token.id })
        .filter((h) => h.body.type === 'token.updated');
      return found.length > 0 && found;
    });
    expect(hook.body.data).toMatchObject({
      userId: user.id,
      changed: ['scopes'],
      removedScopes: ['admin', 'tokens:verify'],
      reason: 'role_changed',
      token: { id: token.id, scopes: ['tokens:read'] },
    });

    // Promoted again: the token keeps what it has now.
    await patchUser(user.id, { role: 'admin' });
    const again = await t.api.get(`/api/v1/tokens/${token.id}`, { token: userSession });
    expect(again.body.scopes).toEqual(['tokens:read']);
    expect((await t.api.get('/api/v1/admin/jobs', { token: token.token })).status).toBe(403);
  });
});
