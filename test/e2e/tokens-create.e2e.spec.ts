import type pg from 'pg';
import { createHash } from 'node:crypto';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

const VIEW_FIELDS = [
  'allowedIps',
  'createdAt',
  'description',
  'expiresAt',
  'id',
  'lastUsedAt',
  'lastUsedIp',
  'name',
  'prefix',
  'rateLimit',
  'revokedAt',
  'scopes',
  'status',
];

describe('API tokens over HTTP', () => {
  let t: TestApp;
  let db: pg.Client;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    db = await sqlClient();
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('POST /tokens', () => {
    it('returns the view and the secret once, and keeps only its hash', async () => {
      const created = await t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: {
          name: 'CI deploys',
          description: 'used by the pipeline',
          scopes: ['tokens:read', 'profile:read'],
          expiresInDays: 30,
          allowedIps: ['10.1.2.3/8', '::ffff:127.0.0.1'],
        },
      });
      expect(created.status).toBe(201);
      const body = created.body;
      expect(Object.keys(body).sort()).toEqual([...VIEW_FIELDS, 'token'].sort());
      expect(body.token).toMatch(/^tsr_[0-9A-Za-z]{40}$/);
      expect(body).toMatchObject({
        name: 'CI deploys',
        description: 'used by the pipeline',
        prefix: body.token.slice(0, 8),
        scopes: ['tokens:read', 'profile:read'],
        allowedIps: ['10.0.0.0/8', '127.0.0.1'],
        status: 'active',
        lastUsedAt: null,
        revokedAt: null,
      });
      const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.99);
      expect(days).toBeLessThanOrEqual(30);

      const { rows } = await db.query('SELECT * FROM api_tokens WHERE id = $1', [body.id]);
      expect(rows[0].token_hash).toEqual(createHash('sha256').update(body.token).digest());
      expect(JSON.stringify(rows[0])).not.toContain(body.token.slice(8));
    });

    it('never shows the secret again, in get or list', async () => {
      const created = await createToken(t.api, user.accessToken);
      const one = await t.api.get(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      const list = await t.api.get('/api/v1/tokens', { token: user.accessToken });
      expect(one.status).toBe(200);
      expect(Object.keys(one.body).sort()).toEqual(VIEW_FIELDS);
      expect(list.body.items).toHaveLength(1);
      for (const text of [one.text, list.text]) {
        expect(text).not.toContain(created.token);
        expect(text).not.toContain(created.token.slice(8));
      }
    });

    it('authenticates requests with the new token at once', async () => {
      const created = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
      const me = await t.api.get('/api/v1/auth/me', { token: created.token });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
    });

    it.each([
      [{ name: '', scopes: ['tokens:read'] }, 'name'],
      [{ name: '   ', scopes: ['tokens:read'] }, 'blank'],
      [{ name: 'x'.repeat(101), scopes: ['tokens:read'] }, 'name'],
      [{ name: 'n', description: 'x'.repeat(501), scopes: ['tokens:read'] }, 'description'],
      [{ name: 'n', scopes: [] }, 'scopes'],
      [{ name: 'n', scopes: ['tokens:delete'] }, 'scopes'],
      [{ name: 'n', scopes: ['tokens:read', 'tokens:read'] }, 'scopes'],
      [{ name: 'n', scopes: 'tokens:read' }, 'scopes'],
      [{ name: 'n', scopes: ['tokens:read'], expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'n', scopes: ['tokens:read'], expiresInDays: 3651 }, 'expiresInDays'],
      [{ name: 'n', scopes: ['tokens:read'], expiresInDays: '30' }, 'expiresInDays'],
      [{ name: 'n', scopes: ['tokens:read'], expiresInDays: 1.5 }, 'expiresInDays'],
      [{ name: 'n', scopes: ['tokens:read'], expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'n', scopes: ['tokens:read'], expiresAt: '2001-01-01T00:00:00Z' }, 'future'],
      [{ name: 'n', scopes: ['tokens:read'], expiresAt: '2999-01-01T00:00:00Z' }, '3650'],
      [
        { name: 'n', scopes: ['tokens:read'], expiresInDays: 5, expiresAt: '2030-01-01T00:00:00Z' },
        'not both',
      ],
      [{ name: 'n', scopes: ['tokens:read'], allowedIps: ['localhost'] }, 'allowedIps'],
      [{ name: 'n', scopes: ['tokens:read'], allowedIps: ['10.0.0.0/33'] }, 'allowedIps'],
      [{ name: 'n', scopes: ['tokens:read'], allowedIps: '10.0.0.1' }, 'allowedIps'],
      [
        {
          name: 'n',
          scopes: ['tokens:read'],
          allowedIps: Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`),
        },
        'allowedIps',
      ],
      [{ name: 'n', scopes: ['tokens:read'], owner: 'someone' }, 'owner'],
    ])('refuses %j with 400 and creates nothing', async (body, mention) => {
      const response = await t.api.post('/api/v1/tokens', { token: user.accessToken, body });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.message)).toContain(mention);
      const { rows } = await db.query(
        'SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1',
        [user.id],
      );
      expect(rows[0].n).toBe(0);
    });

    it('accepts an absolute expiry in the future', async () => {
      const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const created = await createToken(t.api, user.accessToken, { expiresAt });
      expect(created.expiresAt).toBe(expiresAt);
    });
  });

  describe('scopes', () => {
    it('lets a token with tokens:write mint only scopes it holds itself', async () => {
      const minter = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:write', 'tokens:read'],
      });
      const ok = await t.api.post('/api/v1/tokens', {
        token: minter.token,
        body: { name: 'child', scopes: ['tokens:read'] },
      });
      expect(ok.status).toBe(201);
      const wider = await t.api.post('/api/v1/tokens', {
        token: minter.token,
        body: { name: 'child', scopes: ['tokens:read', 'sessions:write'] },
      });
      expect(wider.status).toBe(403);
      expect(wider.headers.get('www-authenticate')).toBe(
        'Bearer realm="tessera", error="insufficient_scope", scope="sessions:write"',
      );
    });

    it('refuses to create or rotate with a token that lacks tokens:write', async () => {
      const reader = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
      const create = await t.api.post('/api/v1/tokens', {
        token: reader.token,
        body: { name: 'n', scopes: ['tokens:read'] },
      });
      expect(create.status).toBe(403);
      const rotate = await t.api.post(`/api/v1/tokens/${reader.id}/rotate`, {
        token: reader.token,
      });
      expect(rotate.status).toBe(403);
    });

    it('grants admin and tokens:introspect to admins only', async () => {
      for (const scope of ['admin', 'tokens:introspect']) {
        const refused = await t.api.post('/api/v1/tokens', {
          token: user.accessToken,
          body: { name: 'n', scopes: [scope] },
        });
        expect(refused.status).toBe(403);
      }
      const admin = await newUser(t.api);
      await db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
      const relogin = await t.api.post('/api/v1/auth/login', {
        body: { email: admin.email, password: admin.password },
      });
      const granted = await createToken(t.api, relogin.body.accessToken, {
        scopes: ['admin', 'tokens:introspect'],
      });
      expect(granted.scopes).toEqual(['admin', 'tokens:introspect']);
    });

    it('refuses a widening PATCH beyond the caller’s scopes, and allows narrowing', async () => {
      const patcher = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:write', 'tokens:read', 'sessions:read'],
      });
      const target = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:read', 'sessions:read'],
      });
      const widen = await t.api.request('PATCH', `/api/v1/tokens/${target.id}`, {
        token: patcher.token,
        body: { scopes: ['tokens:read', 'sessions:read', 'profile:read'] },
      });
      expect(widen.status).toBe(403);
      // It already held sessions:read: keeping it is not a widening.
      const narrow = await t.api.request('PATCH', `/api/v1/tokens/${target.id}`, {
        token: patcher.token,
        body: { scopes: ['sessions:read'] },
      });
      expect(narrow.status).toBe(200);
      expect(narrow.body.scopes).toEqual(['sessions:read']);
    });

    it('applies a scope change to the very next request', async () => {
      const token = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:read', 'profile:read'],
      });
      expect((await t.api.get('/api/v1/auth/me', { token: token.token })).status).toBe(200);
      await t.api.request('PATCH', `/api/v1/tokens/${token.id}`, {
        token: user.accessToken,
        body: { scopes: ['tokens:read'] },
      });
      const me = await t.api.get('/api/v1/auth/me', { token: token.token });
      expect(me.status).toBe(403);
    });

    it('stops granting a scope the owner’s role no longer has', async () => {
      const admin = await newUser(t.api);
      await db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
      const session = await t.api.post('/api/v1/auth/login', {
        body: { email: admin.email, password: admin.password },
      });
      const token = await createToken(t.api, session.body.accessToken, {
        scopes: ['admin', 'tokens:write', 'tokens:read'],
      });
      await db.query(`UPDATE users SET role = 'user' WHERE id = $1`, [admin.id]);
      const withAdmin = await t.api.post('/api/v1/tokens', {
        token: token.token,
        body: { name: 'n', scopes: ['admin'] },
      });
      expect(withAdmin.status).toBe(403);
      const withoutAdmin = await t.api.post('/api/v1/tokens', {
        token: token.token,
        body: { name: 'n', scopes: ['tokens:read'] },
      });
      expect(withoutAdmin.status).toBe(201);
    });
  });

  describe('GET /tokens', () => {
    it('pages newest first with a cursor, without repeats or gaps', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await createToken(t.api, user.accessToken)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: {
          status: number;
          body: { items: { id: string }[]; nextCursor: string | null };
        } = await t.api.get(`/api/v1/tokens?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: user.accessToken,
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
    });

    it('keeps the order of tokens created within the same millisecond', async () => {
      const ids = (
        await Promise.all(Array.from({ length: 6 }, () => createToken(t.api, user.accessToken)))
      ).map((token) => token.id);
      await db.query(
        `UPDATE api_tokens SET created_at = date_trunc('second', now()) WHERE user_id = $1`,
        [user.id],
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } =
          await t.api.get(`/api/v1/tokens?limit=4${cursor ? `&cursor=${cursor}` : ''}`, {
            token: user.accessToken,
          });
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect([...seen].sort()).toEqual([...ids].sort());
      expect(seen).toEqual([...ids].sort().reverse());
    });

    it('filters by status and by expiringWithinDays', async () => {
      const active = await createToken(t.api, user.accessToken, { expiresInDays: 3 });
      const later = await createToken(t.api, user.accessToken, { expiresInDays: 300 });
      const revoked = await createToken(t.api, user.accessToken);
      const expired = await createToken(t.api, user.accessToken);
      await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
      await db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 day' WHERE id = $1`, [
        expired.id,
      ]);
      const ids = async (query: string) =>
        (await t.api.get(`/api/v1/tokens${query}`, { token: user.accessToken })).body.items
          .map((item: { id: string }) => item.id)
          .sort();
      expect(await ids('')).toEqual([active.id, later.id].sort());
      expect(await ids('?status=active')).toEqual([active.id, later.id].sort());
      expect(await ids('?status=revoked')).toEqual([revoked.id]);
      expect(await ids('?status=expired')).toEqual([expired.id]);
      expect(await ids('?status=all')).toEqual(
        [active.id, later.id, revoked.id, expired.id].sort(),
      );
      expect(await ids('?expiringWithinDays=7')).toEqual([active.id]);
      const statuses = (
        await t.api.get('/api/v1/tokens?status=all', { token: user.accessToken })
      ).body.items.map((item: { id: string; status: string }) => [item.id, item.status]);
      expect(new Map(statuses)).toEqual(
        new Map([
          [active.id, 'active'],
          [later.id, 'active'],
          [revoked.id, 'revoked'],
          [expired.id, 'expired'],
        ]),
      );
    });

    it.each([
      '?status=gone',
      '?limit=0',
      '?limit=101',
      '?limit=ten',
      '?expiringWithinDays=-1',
      '?cursor=not-a-cursor',
      `?cursor=${Buffer.from('12:not-a-uuid').toString('base64url')}`,
      '?colour=blue',
    ])('refuses %s with 400', async (query) => {
      const response = await t.api.get(`/api/v1/tokens${query}`, { token: user.accessToken });
      expect(response.status).toBe(400);
    });

    it('lists only the caller’s tokens', async () => {
      const other = await newUser(t.api);
      await createToken(t.api, other.accessToken);
      const list = await t.api.get('/api/v1/tokens?status=all', { token: user.accessToken });
      expect(list.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('another user’s token', () => {
    it('is 404 on every route, exactly as one that does not exist, and is left alone', async () => {
      const other = await newUser(t.api);
      const theirs = await createToken(t.api, other.accessToken, { name: 'theirs' });
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const id of [theirs.id, missing]) {
        const responses = [
          await t.api.get(`/api/v1/tokens/${id}`, { token: user.accessToken }),
          await t.api.request('PATCH', `/api/v1/tokens/${id}`, {
            token: user.accessToken,
            body: { name: 'mine now' },
          }),
          await t.api.post(`/api/v1/tokens/${id}/rotate`, { token: user.accessToken }),
          await t.api.delete(`/api/v1/tokens/${id}`, { token: user.accessToken }),
        ];
        for (const response of responses) {
          expect(response.status).toBe(404);
          expect(response.body.message).toBe('API token not found');
        }
      }
      const still = await t.api.get(`/api/v1/tokens/${theirs.id}`, { token: other.accessToken });
      expect(still.body).toMatchObject({ name: 'theirs', status: 'active' });
      expect((await t.api.get('/api/v1/tokens/current', { token: theirs.token })).status).toBe(200);
    });

    it('answers 400 for ids that are not UUIDs', async () => {
      const response = await t.api.get('/api/v1/tokens/123', { token: user.accessToken });
      expect(response.status).toBe(400);
    });
  });

  describe('GET /tokens/current', () => {
    it('returns the token that authenticated the request, and 400 for a session token', async () => {
      const created = await createToken(t.api, user.accessToken, { name: 'me' });
      const current = await t.api.get('/api/v1/tokens/current', { token: created.token });
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ id: created.id, name: 'me' });
      const bySession = await t.api.get('/api/v1/tokens/current', { token: user.accessToken });
      expect(bySession.status).toBe(400);
    });
  });

  describe('PATCH /tokens/:id', () => {
    it('changes name, description and allowlist, and clears the description with null', async () => {
      const created = await createToken(t.api, user.accessToken, { description: 'old' });
      const patched = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
        body: { name: 'renamed', allowedIps: ['2001:DB8::1/64'] },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        name: 'renamed',
        description: 'old',
        allowedIps: ['2001:db8::/64'],
      });
      const cleared = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
        body: { description: null },
      });
      expect(cleared.body.description).toBeNull();
    });

    it.each([
      { name: null },
      { scopes: null },
      { scopes: [] },
      { allowedIps: ['nope'] },
      { token: 'x' },
    ])('refuses %j with 400', async (body) => {
      const created = await createToken(t.api, user.accessToken);
      const response = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
        body,
      });
      expect(response.status).toBe(400);
    });

    it('refuses to change a revoked token with 409', async () => {
      const created = await createToken(t.api, user.accessToken);
      await t.api.delete(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      const response = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
        body: { name: 'again' },
      });
      expect(response.status).toBe(409);
    });
  });

  describe('DELETE /tokens/:id', () => {
    it('stops the token at once, even right after it was used, and is idempotent', async () => {
      const created = await createToken(t.api, user.accessToken);
      expect((await t.api.get('/api/v1/tokens/current', { token: created.token })).status).toBe(
        200,
      );
      const first = await t.api.delete(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      const second = await t.api.delete(`/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
      });
      expect([first.status, second.status]).toEqual([204, 204]);
      const after = await t.api.get('/api/v1/tokens/current', { token: created.token });
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toBe(
        'Bearer realm="tessera", error="invalid_token"',
      );
      const view = await t.api.get(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      expect(view.body.status).toBe('revoked');
    });

    it('lets a token revoke itself', async () => {
      const created = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:write', 'tokens:read'],
      });
      const revoke = await t.api.delete(`/api/v1/tokens/${created.id}`, { token: created.token });
      expect(revoke.status).toBe(204);
      expect((await t.api.get('/api/v1/tokens/current', { token: created.token })).status).toBe(
        401,
      );
    });
  });

  describe('independence from sessions', () => {
    it('keeps API tokens working through logout-all and a password change', async () => {
      const created = await createToken(t.api, user.accessToken);
      await t.api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: user.password, newPassword: 'a brand new password' },
      });
      await t.api.post('/api/v1/auth/logout-all', { token: user.accessToken });
      expect((await t.api.get('/api/v1/tokens/current', { token: created.token })).status).toBe(
        200,
      );
    });
  });

  describe('audit', () => {
    it('records create, update, rotate and revoke with actor and address, and never a secret', async () => {
      const created = await createToken(t.api, user.accessToken);
      await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
        body: { name: 'renamed' },
      });
      const rotated = await t.api.post(`/api/v1/tokens/${created.id}/rotate`, {
        token: user.accessToken,
      });
      await t.api.delete(`/api/v1/tokens/${rotated.body.id}`, { token: user.accessToken });
      const { rows } = await db.query(
        `SELECT action, actor_id, actor_via, actor_credential_id, target_id, ip,
                details::text AS details
         FROM audit_events WHERE owner_id = $1 AND target_type = 'token' ORDER BY occurred_at, action`,
        [user.id],
      );
      expect(rows.map((row) => [row.action, row.target_id])).toEqual([
        ['token.created', created.id],
        ['token.updated', created.id],
        ['token.created', rotated.body.id],
        ['token.rotated', created.id],
        ['token.revoked', rotated.body.id],
      ]);
      for (const row of rows) {
        expect(row).toMatchObject({
          actor_id: user.id,
          actor_via: 'session',
          actor_credential_id: user.sessionId,
          ip: '127.0.0.1',
        });
        expect(row.details).not.toContain(created.token.slice(4));
        expect(row.details).not.toContain(rotated.body.token.slice(4));
      }
    });
  });
});
