import { Api, PASSWORD, login, newUser, startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP headers', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
  });
  afterAll(() => t.close());

  it('echoes a sane X-Request-Id, and makes one up otherwise', async () => {
    const given = await api.get('/health/live', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const invented = await api.get('/health/live', {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await api.get('/health/live');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('allows cross-origin calls carrying the device and auth headers', async () => {
    const res = await api.request('OPTIONS', '/api/v1/auth/login', {
      headers: {
        origin: 'https://app.example.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-device-id',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-device-id');
    expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it.each(['GET', 'POST', 'PATCH', 'DELETE'])(
    'lets a front end on another origin send %s with every request header the API takes',
    async (method) => {
      const res = await api.request(
        'OPTIONS',
        '/api/v1/tokens/00000000-0000-4000-8000-000000000000',
        {
          headers: {
            origin: 'https://app.example.test',
            'access-control-request-method': method,
            'access-control-request-headers':
              'authorization,content-type,idempotency-key,x-device-id,x-device-name',
          },
        },
      );
      expect(res.status).toBe(204);
      const methods = res.headers.get('access-control-allow-methods')?.split(/\s*,\s*/);
      expect(methods).toContain(method);
      const headers = res.headers
        .get('access-control-allow-headers')
        ?.toLowerCase()
        .split(/\s*,\s*/);
      expect(headers).toEqual(
        expect.arrayContaining([
          'authorization',
          'content-type',
          'idempotency-key',
          'x-device-id',
          'x-device-name',
        ]),
      );
      // The browser-session routes rely on a cross-origin preflight for it failing.
      expect(headers).not.toContain('x-tessera-csrf');
    },
  );

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
});
