import http from 'node:http';
import {
  nginxAvailable,
  startEchoUpstream,
  startForwardAuthNginx,
  type EchoUpstream,
  type RunningNginx,
} from '../support/nginx.js';
import { READ_SCOPE, WRITE_SCOPE, writePolicyFile } from '../support/forward-auth-policy.js';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

const available = nginxAvailable('test/nginx/forward-auth.nginx.spec.ts');
const describeNginx = available ? describe : describe.skip;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * A real nginx with the config docs/guard-your-api.md links (deploy/nginx) in front of an API Tessera did not
 * write: every request is put to Tessera's forward auth first.
 */
describeNginx('forward auth behind nginx', () => {
  let tessera: TestApp;
  let upstream: EchoUpstream;
  let nginx: RunningNginx;
  let user: LoggedInUser;
  let policy: ReturnType<typeof writePolicyFile>;

  beforeAll(async () => {
    policy = writePolicyFile();
    upstream = await startEchoUpstream();
    // nginx reaches Tessera from 127.0.0.1: the proxy whose X-Forwarded-For is believed.
    tessera = await startTestApp({
      ...policy.env,
      TRUST_PROXY: '127.0.0.1',
      TOKEN_RATE_PER_MINUTE: '5',
    });
    nginx = await startForwardAuthNginx({
      forwardAuthUrl: tessera.baseUrl,
      upstreamUrl: upstream.url,
    });
  });
  beforeEach(async () => {
    user = await newUser(tessera.api);
    upstream.requests.length = 0;
  });
  afterAll(async () => {
    await nginx?.stop();
    await tessera?.close();
    await upstream?.close();
    policy.remove();
  });

  /** A client of the protected API, from `localAddress` (a loopback address of its own). */
  function send(
    method: string,
    path: string,
    options: { token?: string; localAddress?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${nginx.url}${path}`,
        {
          method,
          localAddress: options.localAddress ?? '127.0.0.1',
          agent: false,
          headers: {
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  it('lets a public path through without a credential', async () => {
    const answer = await send('GET', '/public/health');
    expect(answer.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0].url).toBe('/public/health');
    expect(
      Object.keys(upstream.requests[0].headers).filter((h) => h.startsWith('x-tessera')),
    ).toEqual([]);
  });

  it('passes GET /projects/1 with the read scope, and the upstream learns who called', async () => {
    const token = await createToken(tessera.api, user.accessToken, { scopes: [READ_SCOPE] });
    const answer = await send('GET', '/projects/1', {
      token: token.token,
      // Forged identity headers from the client never reach the upstream.
      headers: { 'x-tessera-user-id': 'someone-else', 'x-tessera-scopes': 'admin' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['ratelimit-remaining']).toBe('4');
    const seen = upstream.requests[0];
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe('/projects/1');
    expect(seen.headers).toMatchObject({
      'x-tessera-user-id': user.id,
      'x-tessera-role': 'user',
      'x-tessera-credential': 'api_token',
      'x-tessera-token-id': token.id,
      'x-tessera-scopes': READ_SCOPE,
    });
    expect(seen.headers['x-tessera-session-id']).toBeUndefined();
  });

  it('refuses POST /projects/1 without the write scope with 403, before the upstream', async () => {
    const token = await createToken(tessera.api, user.accessToken, { scopes: [READ_SCOPE] });
    const answer = await send('POST', '/projects/1', { token: token.token });
    expect(answer.status).toBe(403);
    expect(answer.headers['www-authenticate']).toBe(
      `Bearer realm="tessera", error="insufficient_scope", scope="${WRITE_SCOPE}"`,
    );
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a missing or bad credential with 401 and the challenge', async () => {
    const none = await send('GET', '/projects/1');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="tessera"');
    const bad = await send('GET', '/projects/1', { token: 'tsr_garbage' });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toBe('Bearer realm="tessera", error="invalid_token"');
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a revoked token on the very next request', async () => {
    const token = await createToken(tessera.api, user.accessToken, { scopes: [READ_SCOPE] });
    expect((await send('GET', '/projects/1', { token: token.token })).status).toBe(200);
    const revoked = await tessera.api.delete(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
    });
    expect(revoked.status).toBe(204);
    const next = await send('GET', '/projects/1', { token: token.token });
    expect(next.status).toBe(401);
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers 429 with Retry-After once the token's limit is used up", async () => {
    const token = await createToken(tessera.api, user.accessToken, { scopes: [READ_SCOPE] });
    for (let i = 0; i < 5; i++) {
      expect((await send('GET', '/projects/1', { token: token.token })).status).toBe(200);
    }
    const refused = await send('GET', '/projects/1', { token: token.token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(upstream.requests).toHaveLength(5);
  });

  it('checks the allowlist against the client address nginx forwards', async () => {
    const token = await createToken(tessera.api, user.accessToken, {
      scopes: [READ_SCOPE],
      allowedIps: ['127.0.0.9'],
    });
    const allowed = await send('GET', '/projects/1', {
      token: token.token,
      localAddress: '127.0.0.9',
    });
    expect(allowed.status).toBe(200);
    const elsewhere = await send('GET', '/projects/1', {
      token: token.token,
      localAddress: '127.0.0.10',
    });
    expect(elsewhere.status).toBe(401);
    // A client cannot claim the allowed address: nginx appends the real one.
    const forged = await send('GET', '/projects/1', {
      token: token.token,
      localAddress: '127.0.0.10',
      headers: { 'x-forwarded-for': '127.0.0.9' },
    });
    expect(forged.status).toBe(401);
    const view = await tessera.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.lastUsedIp).toBe('127.0.0.9');
  });
});
