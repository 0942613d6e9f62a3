import http from 'node:http';
import {
  nginxAvailable,
  startEchoUpstream,
  startForwardAuthNginx,
  type EchoUpstream,
  type RunningNginx,
} from '../support/nginx.js';
import { writePolicyFile } from '../support/forward-auth-policy.js';
import { startRoutingUpstream, type RoutingUpstream } from '../support/routing-upstream.js';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

const available = nginxAvailable('test/nginx/upstream-rules.nginx.spec.ts');
const describeNginx = available ? describe : describe.skip;

const READ = 'projects:read';
const WRITE = 'projects:write';
const DELETE = 'projects:delete';

/** An API whose admin area needs `admin`, and whose writes and deletes need their own scopes. */
const POLICY = {
  scopes: [
    { name: READ, description: 'Read projects' },
    { name: WRITE, description: 'Create and change projects' },
    { name: DELETE, description: 'Delete projects' },
  ],
  routes: [
    { path: '/public/**', public: true },
    { path: '/admin/**', scopes: ['admin'] },
    { method: 'GET', path: '/projects/**', scopes: [READ] },
    { method: 'POST', path: '/projects/**', scopes: [WRITE] },
    { method: 'DELETE', path: '/projects/**', scopes: [DELETE] },
  ],
};

interface Answer {
  status: number;
  text: string;
}

/**
 * The upstream rules of docs/upstream-rules.md, through a real nginx with the shipped template
 * (deploy/nginx) in front of two upstreams: one routing like Express (case-insensitive paths,
 * method overrides honoured) and a plain echo. A third nginx is configured the way many
 * hand-written configs are, with the X-Original-* pair.
 */
describeNginx('upstream rules behind nginx', () => {
  let tessera: TestApp;
  let routing: RoutingUpstream;
  let echo: EchoUpstream;
  let framework: RunningNginx;
  let plain: RunningNginx;
  let originalPair: RunningNginx;
  let user: LoggedInUser;
  let policy: ReturnType<typeof writePolicyFile>;

  beforeAll(async () => {
    policy = writePolicyFile(POLICY);
    [routing, echo] = await Promise.all([startRoutingUpstream(), startEchoUpstream()]);
    tessera = await startTestApp({ ...policy.env, TRUST_PROXY: '127.0.0.1' });
    const forwardAuthUrl = tessera.baseUrl;
    [framework, plain, originalPair] = await Promise.all([
      startForwardAuthNginx({ forwardAuthUrl, upstreamUrl: routing.url }),
      startForwardAuthNginx({ forwardAuthUrl, upstreamUrl: echo.url }),
      startForwardAuthNginx({ forwardAuthUrl, upstreamUrl: echo.url, headerPair: 'original' }),
    ]);
  });
  beforeEach(async () => {
    user = await newUser(tessera.api);
    routing.requests.length = 0;
    echo.requests.length = 0;
  });
  afterAll(async () => {
    await Promise.all([framework?.stop(), plain?.stop(), originalPair?.stop()]);
    await tessera?.close();
    await Promise.all([routing?.close(), echo?.close()]);
    policy.remove();
  });

  function send(
    nginx: RunningNginx,
    method: string,
    path: string,
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${nginx.url}${path}`,
        {
          method,
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
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  it('keeps a self-registered account out of /admin in every spelling the upstream routes', async () => {
    // A session carries every scope its role may hold: all of this API's, never admin.
    for (const path of ['/admin/secret', '/ADMIN/secret', '/Admin/Secret', '/%41dmin/secret']) {
      const answer = await send(framework, 'GET', path, { token: user.accessToken });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
    expect(routing.requests).toEqual([]);
    // The same spelling trick on a rule the caller passes reaches the handler it names.
    const token = await createToken(tessera.api, user.accessToken, { scopes: [READ] });
    const read = await send(framework, 'GET', '/PROJECTS/1', { token: token.token });
    expect(read.status).toBe(200);
    expect(routing.requests.map((r) => [r.method, r.route])).toEqual([['GET', '/projects/1']]);
  });

  it('refuses a path no rule covers, before the upstream, whatever the credential', async () => {
    for (const path of ['/internal/debug', '/', '/projectsx/1']) {
      const answer = await send(framework, 'GET', path, { token: user.accessToken });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
    }
    expect(routing.requests).toEqual([]);
  });

  it('never lets a method override turn an allowed POST into a DELETE', async () => {
    const writer = await createToken(tessera.api, user.accessToken, { scopes: [WRITE] });
    for (const header of ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override']) {
      const answer = await send(framework, 'POST', '/projects/1', {
        token: writer.token,
        headers: { [header]: 'DELETE' },
      });
      expect({ header, status: answer.status }).toEqual({ header, status: 200 });
    }
    expect(routing.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
    for (const query of ['_method=DELETE', 'a=1&_method=delete', '_METHOD=DELETE', '%5Fmethod=x']) {
      const answer = await send(framework, 'POST', `/projects/1?${query}`, { token: writer.token });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
    expect(routing.requests).toHaveLength(3);
    // A parameter that only ends in "_method" is no override.
    const other = await send(framework, 'POST', '/projects/1?payment_method=card', {
      token: writer.token,
    });
    expect(other.status).toBe(200);
  });

  it("keeps the client's credential from the upstream, which learns the caller from X-Tessera-*", async () => {
    const token = await createToken(tessera.api, user.accessToken, { scopes: [READ] });
    const answer = await send(plain, 'GET', '/projects/1', { token: token.token });
    expect(answer.status).toBe(200);
    const seen = echo.requests[0].headers;
    expect(seen.authorization).toBeUndefined();
    expect(seen['x-tessera-token-id']).toBe(token.id);
    const publicPath = await send(plain, 'GET', '/public/x', { token: token.token });
    expect(publicPath.status).toBe(200);
    expect(echo.requests[1].headers.authorization).toBeUndefined();
  });

  it("lets no client's copy of the other header pair decide", async () => {
    const forged = { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/public/x' };
    // nginx set X-Original-*: the client's X-Forwarded-Uri is refused, not believed.
    const viaOriginal = await send(originalPair, 'GET', '/projects/1', { headers: forged });
    expect(viaOriginal.status).toBe(400);
    const viaOriginalDelete = await send(originalPair, 'DELETE', '/admin/users', {
      headers: forged,
    });
    expect(viaOriginalDelete.status).toBe(400);
    // The shipped template overwrites its pair and drops the other.
    const viaShipped = await send(plain, 'GET', '/projects/1', {
      headers: { 'x-original-method': 'GET', 'x-original-uri': '/public/x', ...forged },
    });
    expect(viaShipped.status).toBe(401);
    expect(echo.requests).toEqual([]);
  });
});
