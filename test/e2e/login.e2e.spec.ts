import type pg from 'pg';
import { startTestAppWithSql, type TestAppWithSql } from '../support/app-with-sql.js';
import { PASSWORD, login, newUser, uniqueEmail, type Api } from '../support/test-app.js';

describe('Login', () => {
  let t: TestAppWithSql;
  let api: Api;
  let db: pg.Pool;

  beforeAll(async () => {
    t = await startTestAppWithSql({ TRUST_PROXY: '127.0.0.1' });
    ({ api, db } = t);
  });
  afterAll(() => t.close());

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

    it('falls back to the socket address when a trusted proxy forwards something that is not an address', async () => {
      const user = await newUser(api);
      const res = await login(api, user.email, PASSWORD, { 'x-forwarded-for': 'z'.repeat(60) });
      expect(res.status).toBe(200);
      const forwarded = await login(api, user.email, PASSWORD, {
        'x-forwarded-for': '::ffff:198.51.100.7',
      });
      const list = await api.get('/api/v1/sessions', { token: forwarded.body.accessToken });
      const ips = Object.fromEntries(
        list.body.map((s: { id: string; ip: string }) => [s.id, s.ip]),
      );
      expect(ips[res.body.sessionId]).toBe('127.0.0.1');
      expect(ips[forwarded.body.sessionId]).toBe('198.51.100.7');
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

    it('answers invalid token-endpoint input with RFC 6749 error codes', async () => {
      const unsupported = await api.post('/api/v1/auth/token', {
        form: { grant_type: 'client_credentials' },
      });
      expect(unsupported.status).toBe(400);
      expect(unsupported.body).toMatchObject({
        statusCode: 400,
        error: 'unsupported_grant_type',
        error_description: expect.stringContaining('grant_type'),
      });
      const invalid = await api.post('/api/v1/auth/token', {
        form: { grant_type: 'password', username: 'not-an-email', password: PASSWORD },
      });
      expect(invalid.body).toMatchObject({ statusCode: 400, error: 'invalid_request' });
    });
  });
});
