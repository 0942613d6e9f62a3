import type pg from 'pg';
import {
  PASSWORD,
  expectSessionRevoked,
  login,
  newUser,
  startTestApp,
  uniqueEmail,
  type Api,
  type TestApp,
} from '../support/test-app.js';
import { sqlPool } from '../support/database.js';

describe('Auth over HTTP', () => {
  let t: TestApp;
  let api: Api;
  let db: pg.Pool;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
    db = sqlPool();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('POST /auth/register', () => {
    it('creates a user and answers with its public view only', async () => {
      const email = uniqueEmail('Mixed.Case');
      const res = await api.post('/api/v1/auth/register', {
        body: { email, password: PASSWORD, name: 'Ada' },
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role']);
      expect(res.body).toMatchObject({ email: email.toLowerCase(), name: 'Ada', role: 'user' });
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
      const [row] = (await db.query('SELECT password_hash FROM users WHERE id = $1', [res.body.id]))
        .rows;
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('refuses an email already taken, whatever its case, with 409', async () => {
      const email = uniqueEmail();
      expect(
        (await api.post('/api/v1/auth/register', { body: { email, password: PASSWORD } })).status,
      ).toBe(201);
      const again = await api.post('/api/v1/auth/register', {
        body: { email: email.toUpperCase(), password: PASSWORD },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    });

    it('lets exactly one of several concurrent registrations of one email win', async () => {
      const email = uniqueEmail();
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          api.post('/api/v1/auth/register', { body: { email, password: PASSWORD } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [
        email,
      ]);
      expect(rows[0].n).toBe(1);
    });

    it.each([
      ['an invalid email', { email: 'not-an-email', password: PASSWORD }],
      ['a password of 7 characters', { email: 'x@example.test', password: '1234567' }],
      ['a password of 129 characters', { email: 'x@example.test', password: 'p'.repeat(129) }],
      ['a name that is not a string', { email: 'x@example.test', password: PASSWORD, name: 5 }],
      ['an unknown field', { email: 'x@example.test', password: PASSWORD, role: 'admin' }],
    ])('refuses %s with 400 and creates nothing', async (_, body) => {
      const res = await api.post('/api/v1/auth/register', { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const { rows } = await db.query(`SELECT 1 FROM users WHERE email = 'x@example.test'`);
      expect(rows).toHaveLength(0);
    });

    it('accepts passwords of exactly 8 and 128 characters', async () => {
      for (const password of ['12345678', 'p'.repeat(128)]) {
        const res = await api.post('/api/v1/auth/register', {
          body: { email: uniqueEmail(), password },
        });
        expect(res.status).toBe(201);
      }
    });
  });

  describe('POST /auth/login', () => {
    it('opens a session and returns a token pair', async () => {
      const user = await newUser(api);
      const res = await login(api, user.email.toUpperCase());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^tsrr_/),
        tokenType: 'Bearer',
        expiresIn: 900,
        sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      const me = await api.get('/api/v1/auth/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(user.email);
    });

    it('gives one and the same answer for an unknown email and a wrong password', async () => {
      const user = await newUser(api);
      const wrongPassword = await login(api, user.email, 'wrong password!');
      const unknownEmail = await login(api, uniqueEmail('nobody'), 'wrong password!');
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(wrongPassword.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    });

    it('replaces the session of a device that logs in again', async () => {
      const device = { 'x-device-id': 'laptop-1', 'x-device-name': 'Work laptop' };
      const user = await newUser(api, device);
      const second = await login(api, user.email, PASSWORD, device);
      expect(second.status).toBe(200);
      expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(401);
      const sessions = await api.get('/api/v1/sessions', { token: second.body.accessToken });
      expect(sessions.body).toHaveLength(1);
      expect(sessions.body[0]).toMatchObject({
        deviceId: 'laptop-1',
        deviceName: 'Work laptop',
        current: true,
      });
    });

    it('keeps one session per device under concurrent logins, and one per login without a device', async () => {
      const user = await newUser(api);
      const device = { 'x-device-id': 'phone' };
      const [withDevice, withoutDevice] = await Promise.all([
        Promise.all(Array.from({ length: 5 }, () => login(api, user.email, PASSWORD, device))),
        Promise.all(Array.from({ length: 3 }, () => login(api, user.email))),
      ]);
      expect([...withDevice, ...withoutDevice].every((r) => r.status === 200)).toBe(true);
      const { rows } = await db.query(
        `SELECT device_id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(rows.filter((r) => r.device_id === 'phone')).toHaveLength(1);
      // The session of newUser() plus the three device-less logins.
      expect(rows.filter((r) => r.device_id === null)).toHaveLength(4);
    });

    it('refuses a device id that is too long', async () => {
      const user = await newUser(api);
      const res = await login(api, user.email, PASSWORD, { 'x-device-id': 'd'.repeat(201) });
      expect(res.status).toBe(400);
    });
  });

  describe('POST /auth/token (OAuth2)', () => {
    it('issues tokens for the password grant with the RFC field names', async () => {
      const user = await newUser(api);
      const res = await api.post('/api/v1/auth/token', {
        form: { grant_type: 'password', username: user.email, password: PASSWORD, scope: '' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        access_token: expect.any(String),
        refresh_token: expect.stringMatching(/^tsrr_/),
        token_type: 'Bearer',
        expires_in: 900,
        // An empty scope asks for no narrowing: every scope of the role.
        scope: 'tokens:read tokens:write sessions:read sessions:write profile:read',
      });
      expect((await api.get('/api/v1/auth/me', { token: res.body.access_token })).status).toBe(200);
    });

    it('rotates a refresh token with the refresh_token grant', async () => {
      const user = await newUser(api);
      const res = await api.post('/api/v1/auth/token', {
        form: { grant_type: 'refresh_token', refresh_token: user.refreshToken },
      });
      expect(res.status).toBe(200);
      expect(res.body.refresh_token).not.toBe(user.refreshToken);
    });

    it('answers a wrong password with 400 invalid_grant, and a bad grant type with 400', async () => {
      const user = await newUser(api);
      const wrong = await api.post('/api/v1/auth/token', {
        form: { grant_type: 'password', username: user.email, password: 'nope-nope' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toBe('invalid_grant');
      const badGrant = await api.post('/api/v1/auth/token', {
        form: { grant_type: 'client_credentials' },
      });
      expect(badGrant.status).toBe(400);
      const missing = await api.post('/api/v1/auth/token', { form: { grant_type: 'password' } });
      expect(missing.status).toBe(400);
      expect(missing.body.error).toBe('invalid_request');
    });
  });

  describe('POST /auth/refresh', () => {
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
        (await api.post('/api/v1/auth/refresh', { body: { refreshToken: old.refreshToken } }))
          .status,
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
  });

  describe('POST /auth/logout and /auth/logout-all', () => {
    it('logout revokes the calling session: its access and refresh tokens stop working', async () => {
      const user = await newUser(api);
      const other = await login(api, user.email);
      const res = await api.post('/api/v1/auth/logout', { token: user.accessToken });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      await expectSessionRevoked(api, user);
      expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(
        200,
      );
    });

    it('logout-all revokes every session of the user and counts them', async () => {
      const user = await newUser(api);
      const second = await login(api, user.email);
      const stranger = await newUser(api);
      const res = await api.post('/api/v1/auth/logout-all', { token: user.accessToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ revoked: 2 });
      for (const token of [user.accessToken, second.body.accessToken]) {
        expect((await api.get('/api/v1/auth/me', { token })).status).toBe(401);
      }
      expect((await api.get('/api/v1/auth/me', { token: stranger.accessToken })).status).toBe(200);
    });

    it('needs a credential', async () => {
      const res = await api.post('/api/v1/auth/logout');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    });
  });

  describe('GET /auth/me', () => {
    it('returns the caller', async () => {
      const user = await newUser(api);
      const res = await api.get('/api/v1/auth/me', { token: user.accessToken });
      expect(res.body).toEqual({
        id: user.id,
        email: user.email,
        name: null,
        role: 'user',
        createdAt: expect.any(String),
      });
    });

    it('refuses a missing, malformed or tampered token with the RFC 6750 challenge', async () => {
      const user = await newUser(api);
      const [header, payload] = user.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${user.accessToken.split('.')[2]}`;
      for (const token of ['nonsense', `${user.accessToken}x`, forged, 'tsr_notatokenatall']) {
        const res = await api.get('/api/v1/auth/me', { token });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe(
          'Bearer realm="tessera", error="invalid_token"',
        );
      }
      const noToken = await api.get('/api/v1/auth/me');
      expect(noToken.status).toBe(401);
      expect(noToken.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
      const basic = await api.get('/api/v1/auth/me', {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expect(basic.status).toBe(401);
    });
  });

  describe('POST /auth/password', () => {
    it('changes the password and revokes every other session, keeping this one', async () => {
      const user = await newUser(api);
      const other = await login(api, user.email);
      const newPassword = 'a brand new password';
      const res = await api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: PASSWORD, newPassword },
      });
      expect(res.status).toBe(204);
      expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
      await expectSessionRevoked(api, other.body);
      expect((await login(api, user.email, PASSWORD)).status).toBe(401);
      expect((await login(api, user.email, newPassword)).status).toBe(200);
    });

    it('refuses a wrong current password or a weak new one, and changes nothing', async () => {
      const user = await newUser(api);
      const other = await login(api, user.email);
      const wrong = await api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: 'not my password', newPassword: 'whatever-long' },
      });
      expect(wrong.status).toBe(400);
      const weak = await api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'short' },
      });
      expect(weak.status).toBe(400);
      expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(
        200,
      );
      expect((await login(api, user.email, PASSWORD)).status).toBe(200);
    });
  });
});
