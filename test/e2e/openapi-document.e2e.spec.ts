import { Api, PASSWORD, newUser, startTestApp, type TestApp } from '../support/test-app.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
  });
  afterAll(() => t.close());

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
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
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
    expect(doc.components.securitySchemes.bearer.description).toMatch(/API token.*tsr_.*session/s);
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
      ['/api/v1/tokens', 'post', 401, api.post('/api/v1/tokens', { token: 'tsr_nope', body: {} })],
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

describe('The OpenAPI document is as strict as the validation', () => {
  let doc: any;
  beforeAll(async () => {
    const t = await startTestApp();
    doc = (await t.api.get('/docs-json')).body;
    await t.close();
  });

  const op = (method: string, path: string) => doc.paths[`/api/v1${path}`][method];
  const schema = (name: string) => doc.components.schemas[name];
  const param = (method: string, path: string, name: string) =>
    op(method, path).parameters.find((p: any) => p.name === name).schema;

  it('gives ids format uuid, integers type integer, emails format email', () => {
    for (const [method, path] of [
      ['get', '/tokens/{id}'],
      ['patch', '/tokens/{id}'],
      ['delete', '/tokens/{id}'],
      ['post', '/tokens/{id}/rotate'],
      ['delete', '/sessions/{id}'],
      ['delete', '/admin/tokens/{id}'],
      ['get', '/admin/users/{id}/tokens'],
    ]) {
      expect(param(method, path, 'id')).toMatchObject({ type: 'string', format: 'uuid' });
    }
    expect(param('get', '/tokens', 'limit')).toMatchObject({ type: 'integer', maximum: 100 });
    expect(param('get', '/tokens', 'expiringWithinDays').type).toBe('integer');
    expect(schema('CreateTokenDto').properties.expiresInDays.type).toBe('integer');
    expect(schema('RotateTokenDto').properties.gracePeriodSeconds.type).toBe('integer');
    for (const name of ['RegisterDto', 'LoginDto', 'PasswordResetRequestDto']) {
      expect(schema(name).properties.email).toMatchObject({ format: 'email', maxLength: 320 });
    }
  });

  it('states minItems, minLength, enums, date-times and closed bodies', () => {
    expect(schema('CreateTokenDto').properties.scopes).toMatchObject({
      minItems: 1,
      uniqueItems: true,
    });
    expect(schema('RefreshDto').properties.refreshToken.minLength).toBe(1);
    expect(schema('ChangePasswordDto').properties.currentPassword.minLength).toBe(1);
    expect(schema('PasswordResetConfirmDto').properties.token.minLength).toBe(1);
    expect(schema('IntrospectDto').properties.token.minLength).toBe(1);
    expect(param('get', '/admin/audit', 'action').items.enum).toContain('token.revoked');
    expect(param('get', '/admin/audit', 'since').format).toBe('date-time');
    expect(param('get', '/admin/audit', 'until').format).toBe('date-time');
    expect(schema('CreateTokenDto').properties.expiresAt.format).toBe('date-time');
    for (const name of ['CreateTokenDto', 'UpdateTokenDto', 'RegisterDto', 'RunJobDto']) {
      expect(schema(name).additionalProperties).toBe(false);
    }
    expect(schema('UpdateTokenDto').properties.description.nullable).toBe(true);
    expect(schema('CreateTokenDto').properties.expiresInDays.nullable).toBeUndefined();
  });

  it('lists every status and header a route answers', () => {
    const introspect = op('post', '/introspect');
    expect(Object.keys(introspect.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '413', '429']),
    );
    const create = op('post', '/tokens');
    expect(create.operationId).toBe('createToken');
    expect(Object.keys(create.responses['201'].headers)).toEqual(
      expect.arrayContaining(['Idempotent-Replayed', 'RateLimit-Limit', 'RateLimit-Remaining']),
    );
    expect(Object.keys(create.responses['429'].headers)).toEqual(
      expect.arrayContaining(['Retry-After', 'RateLimit-Limit', 'RateLimit-Reset']),
    );
    expect(create.responses['401'].headers['WWW-Authenticate']).toBeDefined();
    expect(create.responses['403'].headers['WWW-Authenticate']).toBeDefined();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const operation of Object.values<any>(item)) {
        expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        if (operation.security?.length) expect(operation.responses['429']).toBeDefined();
        if (operation.requestBody) expect(operation.responses['413']).toBeDefined();
        expect([path, operation.responses['400']]).not.toEqual([path, undefined]);
      }
    }
  });
});
