import { createHash } from 'node:crypto';
import type pg from 'pg';
import { startTestAppWithSql, type TestAppWithSql } from '../support/app-with-sql.js';
import { createToken, newUser, type LoggedInUser } from '../support/test-app.js';

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

describe('Creating API tokens', () => {
  let t: TestAppWithSql;
  let db: pg.Pool;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestAppWithSql();
    db = t.db;
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

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
});
