import http from 'node:http';
import { generateApiToken } from '../../src/tokens/token-format.js';
import { READ_SCOPE, WRITE_SCOPE, writePolicyFile } from '../support/forward-auth-policy.js';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

const INVALID_TOKEN = 'Bearer realm="tessera", error="invalid_token"';

/** `/api/v1/forward-auth` asked directly, as a proxy would ask it. */
describe('forward auth', () => {
  let t: TestApp;
  let user: LoggedInUser;
  let policy: ReturnType<typeof writePolicyFile>;

  beforeAll(async () => {
    policy = writePolicyFile();
    // The test client on 127.0.0.1 plays the proxy; a small limit to reach it quickly.
    t = await startTestApp({
      ...policy.env,
      TRUST_PROXY: '127.0.0.1',
      TOKEN_RATE_PER_MINUTE: '20',
      LAST_USED_FLUSH_SECONDS: '60',
    });
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await t?.close();
    policy.remove();
  });

  const ask = (
    method: string,
    uri: string,
    options: {
      token?: string;
      headers?: Record<string, string>;
      askWith?: string;
      raw?: string;
    } = {},
  ) =>
    t.api.request(options.askWith ?? 'GET', '/api/v1/forward-auth', {
      token: options.token,
      raw: options.raw,
      headers: { 'x-forwarded-method': method, 'x-forwarded-uri': uri, ...options.headers },
    });
  const identity = (headers: Headers) =>
    Object.fromEntries([...headers.entries()].filter(([name]) => name.startsWith('x-tessera-')));

  it('lets a token with the route scope through and names the caller to the upstream', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    const answer = await ask('GET', '/projects/1?expand=owner', { token: token.token });
    expect(answer.status).toBe(200);
    expect(identity(answer.headers)).toEqual({
      'x-tessera-user-id': user.id,
      'x-tessera-role': 'user',
      'x-tessera-credential': 'api_token',
      'x-tessera-token-id': token.id,
      'x-tessera-scopes': READ_SCOPE,
    });
    expect(answer.headers.get('ratelimit-limit')).toBe('20');
    expect(answer.headers.get('ratelimit-remaining')).toBe('19');
  });

  it('answers 403 insufficient_scope for a missing scope, with the token still charged', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    const answer = await ask('POST', '/projects/1', { token: token.token });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('www-authenticate')).toBe(
      `Bearer realm="tessera", error="insufficient_scope", scope="${WRITE_SCOPE}"`,
    );
    expect(answer.headers.get('ratelimit-remaining')).toBe('19');
    expect(identity(answer.headers)).toEqual({});
    // HEAD is answered as GET.
    expect((await ask('HEAD', '/projects/1', { token: token.token })).status).toBe(200);
  });

  it('names a session with its session id and its role scopes', async () => {
    const answer = await ask('PUT', '/projects/7', { token: user.accessToken });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-tessera-credential')).toBe('session');
    expect(answer.headers.get('x-tessera-session-id')).toBe(user.sessionId);
    expect(answer.headers.get('x-tessera-token-id')).toBeNull();
    expect(answer.headers.get('x-tessera-scopes')!.split(' ')).toContain(WRITE_SCOPE);
    expect(answer.headers.get('ratelimit-limit')).toBeNull();
  });

  it('answers 401 with a challenge for no credential and for a bad one', async () => {
    const none = await ask('GET', '/projects/1');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    for (const token of [generateApiToken(), 'garbage']) {
      const bad = await ask('GET', '/projects/1', { token });
      expect(bad.status).toBe(401);
      expect(bad.headers.get('www-authenticate')).toBe(INVALID_TOKEN);
    }
  });

  it('refuses a path no rule of the policy covers with 403, whatever the credential', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    for (const credential of [undefined, token.token, user.accessToken]) {
      const answer = await ask('GET', '/admin/secret', { token: credential });
      expect({ credential, status: answer.status }).toEqual({ credential, status: 403 });
      expect(identity(answer.headers)).toEqual({});
    }
    // Not a use of the token: nothing was looked up.
    const next = await ask('GET', '/projects/1', { token: token.token });
    expect(next.headers.get('ratelimit-remaining')).toBe('19');
  });

  it('applies a rule to every spelling of its path', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    for (const uri of ['/PROJECTS/1', '/Projects/1', '/%50rojects/1']) {
      const write = await ask('POST', uri, { token: token.token });
      expect({ uri, status: write.status }).toEqual({ uri, status: 403 });
      expect(write.headers.get('www-authenticate')).toContain(`scope="${WRITE_SCOPE}"`);
      expect((await ask('get', uri, { token: token.token })).status).toBe(200);
    }
    expect((await ask('GET', '/PUBLIC/docs')).status).toBe(200);
  });

  it('lets anyone through a public route, naming only a caller with a valid credential', async () => {
    const anonymous = await ask('POST', '/public/docs');
    expect(anonymous.status).toBe(200);
    expect(identity(anonymous.headers)).toEqual({});
    const bad = await ask('GET', '/public/docs', { token: 'garbage' });
    expect(bad.status).toBe(200);
    expect(identity(bad.headers)).toEqual({});
    const token = await createToken(t.api, user.accessToken);
    const named = await ask('GET', '/public/docs', { token: token.token });
    expect(named.status).toBe(200);
    expect(named.headers.get('x-tessera-token-id')).toBe(token.id);
    expect(named.headers.get('ratelimit-remaining')).toBe('19');
  });

  it('answers 429 with Retry-After once the token is over its limit', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    for (let i = 0; i < 20; i++) {
      expect((await ask('GET', '/projects/1', { token: token.token })).status).toBe(200);
    }
    const refused = await ask('GET', '/projects/1', { token: token.token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('records each allowed request as a use from the forwarded client address', async () => {
    const token = await createToken(t.api, user.accessToken, {
      scopes: [READ_SCOPE],
      allowedIps: ['198.51.100.0/24'],
    });
    const from = (ip: string) =>
      ask('GET', '/projects/1', { token: token.token, headers: { 'x-forwarded-for': ip } });
    const outside = await from('203.0.113.5');
    expect(outside.status).toBe(401);
    expect(outside.body.message).toBe('This API token is not allowed from this address');
    expect((await from('198.51.100.23')).status).toBe(200);
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.lastUsedIp).toBe('198.51.100.23');
  });

  it('reads X-Original-Method and X-Original-URI when the X-Forwarded ones are absent', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    const answer = await t.api.get('/api/v1/forward-auth', {
      token: token.token,
      headers: { 'x-original-method': 'DELETE', 'x-original-uri': '/projects/3' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('www-authenticate')).toContain(`scope="${WRITE_SCOPE}"`);
  });

  it('answers any method the same and never reads a body', async () => {
    // A session: no rate limit to run into over thirty requests.
    const bodies: { headers: Record<string, string>; raw: string }[] = [
      { headers: { 'content-type': 'application/json' }, raw: '{"broken":' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: '%zz=%' },
      { headers: { 'content-type': 'application/xml' }, raw: '<a/>' },
      { headers: { 'content-type': 'not a media type' }, raw: 'x' },
      { headers: { 'content-type': 'application/json' }, raw: JSON.stringify('x'.repeat(100_000)) },
      { headers: {}, raw: '' },
    ];
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const { headers, raw } of bodies) {
        const answer = await ask('GET', '/projects/1', {
          token: user.accessToken,
          askWith: method,
          headers,
          raw: method === 'GET' ? undefined : raw,
        });
        expect({ method, headers, status: answer.status }).toEqual({
          method,
          headers,
          status: 200,
        });
      }
    }
  });

  it('answers 400 for a request it cannot judge', async () => {
    const token = await createToken(t.api, user.accessToken);
    for (const [method, uri] of [
      ['GET', '/projects/../admin'],
      ['GET', '/projects/%2e%2e/admin'],
      ['GET', '/projects%2F1'],
      ['GET', '/projects/1;x'],
      ['GET', '/projects/%zz'],
      ['GET', '/public/x, /projects/1'],
      ['GET', '/public/a b'],
      ['GET', '/projects/1,2'],
      ['G E T', '/projects/1'],
      ['GET', ''],
    ]) {
      const answer = await ask(method, uri, { token: token.token });
      expect({ method, uri, status: answer.status }).toEqual({ method, uri, status: 400 });
    }
    const missing = await t.api.get('/api/v1/forward-auth', { token: token.token });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('X-Forwarded-Method');
  });

  /** A question sent with node:http, which sends each value of an array as its own header. */
  function askRaw(headers: Record<string, string | string[]>): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${t.baseUrl}/api/v1/forward-auth`,
        { headers, agent: false },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  it('answers 400 for a forwarding header sent twice, whichever copy is public', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    const authorization = `Bearer ${token.token}`;
    const questions: Record<string, string | string[]>[] = [
      { 'x-forwarded-method': 'GET', 'x-forwarded-uri': ['/public/x', '/projects/1'] },
      { 'x-forwarded-method': 'GET', 'x-forwarded-uri': ['/projects/1', '/projects/1'] },
      { 'x-forwarded-method': ['GET', 'DELETE'], 'x-forwarded-uri': '/projects/1' },
      { 'x-original-method': 'GET', 'x-original-uri': ['/public/x', '/projects/1'] },
    ];
    for (const headers of questions) {
      expect({ headers, status: await askRaw(headers) }).toEqual({ headers, status: 400 });
      expect({ headers, status: await askRaw({ ...headers, authorization }) }).toEqual({
        headers,
        status: 400,
      });
    }
  });

  it("answers 400 for a question with both header pairs: the client's pair never wins", async () => {
    // A proxy that sets X-Original-* and passes the client's X-Forwarded-Uri through.
    const answer = await t.api.get('/api/v1/forward-auth', {
      headers: {
        'x-original-method': 'DELETE',
        'x-original-uri': '/projects/1',
        'x-forwarded-uri': '/public/x',
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/not both/);
    const methodOnly = await ask('GET', '/public/x', { headers: { 'x-original-method': 'GET' } });
    expect(methodOnly.status).toBe(400);
  });

  it('documents every method it answers, with header patterns that fit what it reads', async () => {
    const document = (await t.api.get('/docs-json')).body;
    const item = document.paths['/api/v1/forward-auth'];
    expect(Object.keys(item).sort()).toEqual(
      ['delete', 'get', 'head', 'patch', 'post', 'put'].sort(),
    );
    expect(item.get.operationId).toBe('forwardAuth');
    expect(item.delete.operationId).toBe('forwardAuthDelete');
    const header = (name: string) =>
      new RegExp(
        item.get.parameters.find(
          (p: { in: string; name: string }) => p.in === 'header' && p.name === name,
        ).schema.pattern,
      );
    const method = header('X-Forwarded-Method');
    const uri = header('X-Forwarded-Uri');
    const token = await createToken(t.api, user.accessToken, { scopes: [READ_SCOPE] });
    // What the document allows is read: never a 400.
    for (const [m, u] of [
      ['get', '/projects/1'],
      ['GET', '/projects/1?expand=owner&q=a%20b,c'],
      ['GET', '/projects/a%20b/x~y'],
      ['GET', '/'],
      ['M-SEARCH', '/public/x'],
    ]) {
      expect({ m, u, documented: method.test(m) && uri.test(u) }).toEqual({
        m,
        u,
        documented: true,
      });
      expect((await ask(m, u, { token: token.token })).status).not.toBe(400);
    }
    // What it refuses, the document does not allow.
    for (const u of ['/projects/../x', '/a%2fb', '/a;b', '/a b', '/a,b', 'x', '/a%zz']) {
      expect({ u, documented: uri.test(u) }).toEqual({ u, documented: false });
    }
    expect(method.test('G E T')).toBe(false);
  });
});
