import { Writable } from 'node:stream';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/http/logger.js';
import {
  Api,
  PASSWORD,
  newUser,
  startTestApp,
  testConfig,
  uniqueEmail,
  type TestApp,
} from '../support/test-app.js';

describe('HTTP conventions', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
  });
  afterAll(() => t.close());

  describe('bad input gets a clear 4xx in the error shape, never a 500', () => {
    it('malformed JSON is 400', async () => {
      const res = await api.post('/api/v1/auth/login', { raw: '{"email": "a@b.c", ' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.any(String),
      });
    });

    it('a body over 64 KiB is 413', async () => {
      const res = await api.post('/api/v1/auth/register', {
        body: { email: uniqueEmail(), password: PASSWORD, name: 'n'.repeat(70 * 1024) },
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });

    it.each([
      ['an array', '[]'],
      ['null', 'null'],
      ['a string', '"hello"'],
      ['wrong types', '{"email": 5, "password": true}'],
      ['an unknown field', `{"email": "a@example.test", "password": "${PASSWORD}", "admin": true}`],
    ])('%s as a body is 400', async (_, raw) => {
      const res = await api.post('/api/v1/auth/login', { raw });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('an unknown route is 404 in the same shape', async () => {
      const res = await api.get('/api/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });
  });

  it('serves health without the API prefix: live, and ready when the database answers', async () => {
    expect(await api.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.get('/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up' },
    });
  });

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

  describe('OpenAPI', () => {
    it('documents every route with the bearer scheme and the OAuth2 password flow', async () => {
      const res = await api.get('/docs-json');
      expect(res.status).toBe(200);
      const doc = res.body;
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/register',
          '/api/v1/auth/login',
          '/api/v1/auth/token',
          '/api/v1/auth/refresh',
          '/api/v1/auth/logout',
          '/api/v1/auth/logout-all',
          '/api/v1/auth/me',
          '/api/v1/auth/password',
          '/api/v1/sessions',
          '/api/v1/sessions/{id}',
          '/api/v1/auth/whoami',
          '/api/v1/tokens',
          '/api/v1/tokens/current',
          '/api/v1/tokens/{id}',
          '/api/v1/tokens/{id}/rotate',
          '/api/v1/scopes',
          '/health/ready',
        ]),
      );
      const createToken = doc.paths['/api/v1/tokens'].post;
      expect(createToken.security).toEqual(
        expect.arrayContaining([{ bearer: ['tokens:write'] }, { oauth2: ['tokens:write'] }]),
      );
      expect(createToken.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
        ]),
      );
      expect(Object.keys(createToken.responses)).toEqual(
        expect.arrayContaining(['201', '400', '401', '403', '409', '422', '429']),
      );
      expect(doc.paths['/api/v1/tokens/{id}'].patch.security).toEqual(
        expect.arrayContaining([{ bearer: ['tokens:write'] }]),
      );
      expect(doc.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      expect(doc.components.securitySchemes.oauth2.flows.password.tokenUrl).toBe(
        '/api/v1/auth/token',
      );
      const listSessions = doc.paths['/api/v1/sessions'].get;
      expect(listSessions.security).toEqual(
        expect.arrayContaining([{ bearer: ['sessions:read'] }, { oauth2: ['sessions:read'] }]),
      );
      expect(listSessions.responses['401']).toBeDefined();
      expect(listSessions.responses['403']).toBeDefined();
    });

    it('gives createToken an example that makes a token usable from the machine it was made on', async () => {
      const doc = (await api.get('/docs-json')).body;
      const example =
        doc.paths['/api/v1/tokens'].post.requestBody.content['application/json'].example;
      const user = await newUser(api);
      const created = await api.post('/api/v1/tokens', { token: user.accessToken, body: example });
      expect(created.status).toBe(201);
      const used = await api.get('/api/v1/tokens/current', { token: created.body.token });
      expect(used.status).toBe(200);
      // Swagger UI applies authorized schemes in order, the last one setting Authorization:
      // the pasted API token (bearer) comes after the Authorize session (oauth2).
      expect(doc.paths['/api/v1/tokens'].post.security).toEqual([
        { oauth2: ['tokens:write'] },
        { bearer: ['tokens:write'] },
      ]);
      expect(doc.components.securitySchemes.bearer.description).toMatch(
        /API token.*tsr_.*session/s,
      );
    });

    it('documents each error status with an example of the answer the service really gives', async () => {
      const doc = (await api.get('/docs-json')).body;
      const example = (path: string, method: string, status: number) =>
        doc.paths[path][method].responses[String(status)].content['application/json'].example;
      const user = await newUser(api);
      const readOnly = await api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: 'read only', scopes: ['tokens:read'] },
      });
      const key = { 'idempotency-key': `k-${Date.now()}` };
      await api.post('/api/v1/tokens', {
        token: user.accessToken,
        headers: key,
        body: { name: 'replayed', scopes: ['tokens:read'] },
      });
      const answers: [string, string, number, Promise<{ status: number; body: unknown }>][] = [
        [
          '/api/v1/tokens',
          'post',
          401,
          api.post('/api/v1/tokens', { token: 'tsr_nope', body: {} }),
        ],
        [
          '/api/v1/tokens',
          'post',
          403,
          api.post('/api/v1/tokens', {
            token: readOnly.body.token,
            body: { name: 'x', scopes: ['tokens:read'] },
          }),
        ],
        [
          '/api/v1/tokens/{id}',
          'get',
          404,
          api.get('/api/v1/tokens/00000000-0000-4000-8000-000000000000', {
            token: user.accessToken,
          }),
        ],
        [
          '/api/v1/auth/register',
          'post',
          409,
          api.post('/api/v1/auth/register', { body: { email: user.email, password: PASSWORD } }),
        ],
        [
          '/api/v1/tokens',
          'post',
          413,
          api.post('/api/v1/tokens', {
            token: user.accessToken,
            raw: JSON.stringify({ name: 'x'.repeat(70_000) }),
          }),
        ],
        [
          '/api/v1/tokens',
          'post',
          422,
          api.post('/api/v1/tokens', {
            token: user.accessToken,
            headers: key,
            body: { name: 'another body', scopes: ['tokens:read'] },
          }),
        ],
        [
          '/api/v1/auth/login',
          'post',
          401,
          api.post('/api/v1/auth/login', {
            body: { email: user.email, password: 'wrong password' },
          }),
        ],
      ];
      for (const [path, method, status, answer] of answers) {
        const { status: got, body } = await answer;
        expect({ path, method, status: got, body }).toEqual({
          path,
          method,
          status,
          body: example(path, method, status),
        });
      }
      // Each documented error status of every route has an example in the error shape.
      for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
        for (const [method, operation] of Object.entries<any>(item)) {
          for (const [status, response] of Object.entries<any>(operation.responses)) {
            const media = response.content?.['application/json'];
            if (!/^[45]/.test(status) || !media) continue;
            expect({ path, method, status, example: media.example }).toEqual({
              path,
              method,
              status,
              example: expect.objectContaining({
                statusCode: Number(status),
                message: expect.anything(),
              }),
            });
          }
        }
      }
    });

    it('serves the Swagger UI', async () => {
      const res = await api.get('/docs');
      expect(res.status).toBe(200);
      expect(res.text).toContain('swagger-ui');
    });
  });
});

describe('Logging', () => {
  it('writes JSON lines with a request id and never a password or token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await createApp(testConfig(), createLogger('debug', sink));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const api = new Api((await app.getUrl()).replace('[::1]', '127.0.0.1'));
      const user = await newUser(api);
      const refreshed = await api.post('/api/v1/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      // Refused (tokens count only in the header), but logged without the token.
      await api.get(`/api/v1/auth/me?access_token=${refreshed.body.accessToken}`);
      await api.get('/api/v1/auth/me', { token: `${user.accessToken}tampered` });
      await api.post('/api/v1/auth/password', {
        token: refreshed.body.accessToken,
        body: { currentPassword: 'wrong-password-here', newPassword: 'another password' },
      });
      const apiToken = await api.post('/api/v1/tokens', {
        token: refreshed.body.accessToken,
        body: { name: 'logged?', scopes: ['tokens:write', 'tokens:read'] },
        headers: { 'idempotency-key': 'log-check' },
      });
      const rotated = await api.post(`/api/v1/tokens/${apiToken.body.id}/rotate`, {
        token: apiToken.body.token,
        body: { gracePeriodSeconds: 60 },
      });
      await api.get('/api/v1/tokens/current', { token: rotated.body.token });
      await api.get('/api/v1/tokens/current', { token: `${rotated.body.token.slice(0, -1)}0` });
      await api.request('PATCH', `/api/v1/tokens/${apiToken.body.id}`, {
        token: rotated.body.token,
        body: { allowedIps: ['203.0.113.1'] },
      });
      await api.get('/api/v1/tokens/current', { token: apiToken.body.token });

      const requests = lines
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.msg === 'request');
      expect(requests.length).toBeGreaterThanOrEqual(6);
      for (const entry of requests) {
        expect(entry).toMatchObject({
          reqId: expect.any(String),
          method: expect.any(String),
          status: expect.any(Number),
        });
      }
      expect(requests.some((entry) => entry.url.includes('access_token=[redacted]'))).toBe(true);
      const all = lines.join('\n');
      for (const secret of [
        PASSWORD,
        'wrong-password-here',
        user.accessToken,
        user.refreshToken,
        refreshed.body.accessToken,
        refreshed.body.refreshToken,
        apiToken.body.token,
        rotated.body.token,
        rotated.body.token.slice(8),
      ]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  });
});
