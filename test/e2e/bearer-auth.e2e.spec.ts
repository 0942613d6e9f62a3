import type pg from 'pg';
import { AccessTokenService } from '../../src/sessions/access-token.service.js';
import type { AppConfig } from '../../src/common/config/app-config.js';
import {
  PASSWORD,
  login,
  newUser,
  startTestApp,
  uniqueEmail,
  type Api,
  type TestApp,
} from '../support/test-app.js';
import { sleep } from '../support/time.js';
import { sqlPool } from '../support/database.js';

describe('Hardening', () => {
  let t: TestApp;
  let api: Api;
  let db: pg.Pool;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
    api = t.api;
    db = sqlPool();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('leaves no session opened with the old password alive after a password change, under concurrent logins', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await newUser(api);
      const [change, ...logins] = await Promise.all([
        api.post('/api/v1/auth/password', {
          token: user.accessToken,
          body: { currentPassword: PASSWORD, newPassword: 'the new password' },
        }),
        ...Array.from({ length: 8 }, () => login(api, user.email, PASSWORD)),
      ]);
      expect(change.status).toBe(204);
      expect(logins.every((r) => r.status === 200 || r.status === 401)).toBe(true);
      const { rows } = await db.query(
        `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND id <> $2`,
        [user.id, user.sessionId],
      );
      expect(rows).toEqual([]);
      for (const res of logins.filter((r) => r.status === 200)) {
        expect((await api.get('/api/v1/auth/me', { token: res.body.accessToken })).status).toBe(
          401,
        );
      }
    }
  });

  it('takes the bearer token from the Authorization header only', async () => {
    const user = await newUser(api);
    const inQuery = await api.get(`/api/v1/auth/me?access_token=${user.accessToken}`);
    expect(inQuery.status).toBe(401);
    expect(inQuery.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    const inBody = await api.post('/api/v1/auth/logout', {
      body: { access_token: user.accessToken },
    });
    expect(inBody.status).toBe(401);
    expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
  });

  it.each<[string, { path: string; raw?: string }]>([
    ['a repeated query token', { path: '/api/v1/auth/me?access_token=a&access_token=b' }],
    ['a number as body token', { path: '/api/v1/auth/logout', raw: '{"access_token": 5}' }],
    ['an object as body token', { path: '/api/v1/auth/logout', raw: '{"access_token": {}}' }],
    ['an array body', { path: '/api/v1/auth/logout', raw: '["x"]' }],
  ])('answers %s with 401, not 500', async (_, { path, raw }) => {
    const res = raw ? await api.post(path, { raw }) : await api.get(path);
    expect(res.status).toBe(401);
  });

  it('refuses NUL characters with 400 and stores nothing', async () => {
    // Fields whose format is otherwise free: only the NUL check stands between them and the database.
    const email = uniqueEmail();
    const register = await api.post('/api/v1/auth/register', {
      body: { email, password: PASSWORD, name: 'a\u0000b' },
    });
    expect(register.status).toBe(400);
    expect(register.body.message).toBe('Text must not contain NUL characters');
    expect((await db.query('SELECT 1 FROM users WHERE email = $1', [email])).rows).toEqual([]);

    const user = await newUser(api);
    const loginWithNul = await login(api, user.email, `${PASSWORD}\u0000`);
    expect(loginWithNul.status).toBe(400);
    const grant = await api.post('/api/v1/auth/token', {
      form: { grant_type: 'password', username: user.email, password: `${PASSWORD}\u0000` },
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('invalid_request');
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

  it('lets only one of two concurrent password changes with the same current password win', async () => {
    const user = await newUser(api);
    const other = await login(api, user.email);
    const [first, second] = await Promise.all([
      api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'password of the first' },
      }),
      api.post('/api/v1/auth/password', {
        token: other.body.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'password of the second' },
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([204, 400]);
    const winner = first.status === 204 ? 'password of the first' : 'password of the second';
    const loser = first.status === 204 ? 'password of the second' : 'password of the first';
    expect((await login(api, user.email, winner)).status).toBe(200);
    expect((await login(api, user.email, loser)).status).toBe(401);
    const loserToken = first.status === 204 ? other.body.accessToken : user.accessToken;
    expect((await api.get('/api/v1/auth/me', { token: loserToken })).status).toBe(401);
  });

  it('falls back to the socket address when a trusted proxy forwards something that is not an address', async () => {
    const user = await newUser(api);
    const res = await login(api, user.email, PASSWORD, { 'x-forwarded-for': 'z'.repeat(60) });
    expect(res.status).toBe(200);
    const forwarded = await login(api, user.email, PASSWORD, {
      'x-forwarded-for': '::ffff:198.51.100.7',
    });
    const list = await api.get('/api/v1/sessions', { token: forwarded.body.accessToken });
    const ips = Object.fromEntries(list.body.map((s: { id: string; ip: string }) => [s.id, s.ip]));
    expect(ips[res.body.sessionId]).toBe('127.0.0.1');
    expect(ips[forwarded.body.sessionId]).toBe('198.51.100.7');
  });

  it('marks token responses and every API answer as not cacheable', async () => {
    const user = await newUser(api);
    const responses = [
      await login(api, user.email),
      await api.post('/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } }),
      await api.post('/api/v1/auth/token', {
        form: { grant_type: 'password', username: user.email, password: PASSWORD },
      }),
      await api.get('/api/v1/auth/me', { token: user.accessToken }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses a well-formed token signed with another secret, and non-canonical spellings', async () => {
    const user = await newUser(api);
    const [, payload] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const foreign = new AccessTokenService({
      appSecret: 'another-deployment-secret-0123456789-abc',
      accessTokenTtlSeconds: 900,
    } as AppConfig).issue({ userId: claims.sub, sessionId: claims.sid, role: 'admin' }, new Date());
    for (const token of [foreign.token, `${user.accessToken}==`, `${user.accessToken}!`]) {
      const res = await api.get('/api/v1/auth/me', { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
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
