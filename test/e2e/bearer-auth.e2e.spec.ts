import { AccessTokenService } from '../../src/sessions/access-token.service.js';
import type { AppConfig } from '../../src/common/config/app-config.js';
import { newUser, startTestApp, type Api, type TestApp } from '../support/test-app.js';

describe('Bearer authentication', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    ({ api } = t);
  });
  afterAll(() => t.close());

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
});
