import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FORWARD_AUTH_PATH,
  nginxAvailable,
  startEchoUpstream,
  startForwardAuthNginx,
  startPlainNginx,
  type EchoUpstream,
  type RunningNginx,
} from '../support/nginx.js';

/**
 * The nginx harness before Tessera's forward-auth route exists: a stub answers the auth
 * subrequests by the original path, and the checks are on what crosses nginx each way.
 */

interface AuthCall {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

const IDENTITY = {
  'X-Tessera-User-Id': '5b0c3f4e-6a59-4a38-9d0a-0c6f1c2b7f10',
  'X-Tessera-Role': 'user',
  'X-Tessera-Credential': 'api_token',
  'X-Tessera-Token-Id': '0d7c9a53-3c1e-4f55-8f0e-4c4d5c3a9e21',
  'X-Tessera-Scopes': 'projects:read profile:read',
  'RateLimit-Limit': '600',
  'RateLimit-Remaining': '599',
  'RateLimit-Reset': '42',
};
const INVALID_TOKEN = 'Bearer realm="tessera", error="invalid_token"';
const INSUFFICIENT_SCOPE =
  'Bearer realm="tessera", error="insufficient_scope", scope="projects:write"';

/** Answers by the first segment of the original path (X-Forwarded-Uri). */
function stubAnswer(uri: string): { status: number; headers: Record<string, string> } {
  const first = uri.split('?')[0].split('/')[1];
  switch (first) {
    case 'allow':
      return { status: 200, headers: IDENTITY };
    case 'public':
      return { status: 200, headers: {} };
    case 'unauthorized':
      return { status: 401, headers: { 'WWW-Authenticate': INVALID_TOKEN } };
    case 'forbidden':
      return { status: 403, headers: { 'WWW-Authenticate': INSUFFICIENT_SCOPE } };
    case 'bad':
      return { status: 400, headers: {} };
    case 'limited':
      return {
        status: 429,
        headers: {
          'Retry-After': '17',
          'RateLimit-Limit': '600',
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': '17',
          'RateLimit-Budget': 'organization',
        },
      };
    default:
      return { status: 500, headers: {} };
  }
}

async function startStubAuth(calls: AuthCall[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    request.on('end', () => {
      calls.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        bodyBytes,
      });
      if (request.url !== FORWARD_AUTH_PATH) {
        response.writeHead(404).end();
        return;
      }
      const answer = stubAnswer(String(request.headers['x-forwarded-uri'] ?? ''));
      response.writeHead(answer.status, { ...answer.headers, 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ statusCode: answer.status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

/** A raw request (the path is sent exactly as given), optionally from another loopback address. */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: hostname,
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** How many times a header appears in a reply. */
const countOf = (reply: Reply, name: string) =>
  reply.rawHeaders.filter((value, index) => index % 2 === 0 && value.toLowerCase() === name).length;

const run = nginxAvailable('test/nginx/forward-auth-config.nginx.spec.ts')
  ? describe
  : describe.skip;

run('nginx forward-auth harness', () => {
  const authCalls: AuthCall[] = [];
  let auth: Awaited<ReturnType<typeof startStubAuth>>;
  let upstream: EchoUpstream;
  let nginx: RunningNginx;

  beforeAll(async () => {
    auth = await startStubAuth(authCalls);
    upstream = await startEchoUpstream();
    nginx = await startForwardAuthNginx({
      forwardAuthUrl: `${auth.url}${FORWARD_AUTH_PATH}`,
      upstreamUrl: upstream.url,
    });
  });

  afterAll(async () => {
    await nginx?.stop();
    await upstream?.close();
    await auth?.close();
  });

  beforeEach(() => {
    authCalls.length = 0;
    upstream.requests.length = 0;
  });

  it('asks the auth endpoint with the original method, URI, client and credential, and no body', async () => {
    const reply = await send(nginx.url, '/allow/projects/1?page=2&q=a%20b', {
      method: 'POST',
      headers: { Authorization: 'Bearer tsr_example', 'Content-Type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(reply.status).toBe(200);
    expect(authCalls).toHaveLength(1);
    const [call] = authCalls;
    expect(call).toMatchObject({ method: 'GET', url: FORWARD_AUTH_PATH, bodyBytes: 0 });
    expect(call.headers['x-forwarded-method']).toBe('POST');
    expect(call.headers['x-forwarded-uri']).toBe('/allow/projects/1?page=2&q=a%20b');
    expect(call.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(call.headers.authorization).toBe('Bearer tsr_example');
    // The upstream still gets the request itself, body included.
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]).toMatchObject({
      method: 'POST',
      url: '/allow/projects/1?page=2&q=a%20b',
    });
    expect(upstream.requests[0].headers['content-length']).toBe('12');
  });

  it('hands the X-Tessera-* identity to the upstream and the rate-limit headers to the client', async () => {
    const reply = await send(nginx.url, '/allow/projects/1', {
      headers: { Authorization: 'Bearer tsr_example' },
    });
    expect(reply.status).toBe(200);
    const seen = JSON.parse(reply.body);
    expect(seen.headers).toMatchObject({
      'x-tessera-user-id': IDENTITY['X-Tessera-User-Id'],
      'x-tessera-role': 'user',
      'x-tessera-credential': 'api_token',
      'x-tessera-token-id': IDENTITY['X-Tessera-Token-Id'],
      'x-tessera-scopes': 'projects:read profile:read',
      'x-forwarded-for': '127.0.0.1',
    });
    expect(seen.headers).not.toHaveProperty('x-tessera-session-id');
    // The credential stays with nginx by default (see the template).
    expect(seen.headers).not.toHaveProperty('authorization');
    expect(reply.headers).toMatchObject({
      'ratelimit-limit': '600',
      'ratelimit-remaining': '599',
      'ratelimit-reset': '42',
    });
  });

  it('never lets a client’s own X-Tessera-* headers through to the upstream', async () => {
    const forged = {
      'X-Tessera-User-Id': 'forged',
      'X-Tessera-Role': 'admin',
      'X-Tessera-Session-Id': 'forged',
      'X-Tessera-Scopes': 'admin',
    };
    const anonymous = await send(nginx.url, '/public/page', { headers: forged });
    expect(anonymous.status).toBe(200);
    const anonymousSeen = JSON.parse(anonymous.body).headers;
    for (const name of Object.keys(forged)) {
      expect(anonymousSeen).not.toHaveProperty(name.toLowerCase());
    }

    const signedIn = await send(nginx.url, '/allow/x', { headers: forged });
    const signedInSeen = JSON.parse(signedIn.body).headers;
    expect(signedInSeen['x-tessera-role']).toBe('user');
    expect(signedInSeen['x-tessera-scopes']).toBe('projects:read profile:read');
    expect(signedInSeen).not.toHaveProperty('x-tessera-session-id');
  });

  it('does not let the client describe the request to the auth endpoint', async () => {
    const reply = await send(nginx.url, '/forbidden/admin', {
      method: 'DELETE',
      headers: {
        'X-Forwarded-Uri': '/public/x',
        'X-Forwarded-Method': 'GET',
        'X-Original-URI': '/public/x',
        'X-Original-Method': 'GET',
      },
    });
    expect(reply.status).toBe(403);
    const [call] = authCalls;
    expect(call.headers['x-forwarded-uri']).toBe('/forbidden/admin');
    expect(call.headers['x-forwarded-method']).toBe('DELETE');
    expect(call.headers).not.toHaveProperty('x-original-uri');
    expect(call.headers).not.toHaveProperty('x-original-method');
  });

  it('passes the raw request target, so the auth endpoint sees any traversal as sent', async () => {
    await send(nginx.url, '/public/%2e%2e/allow//x');
    expect(authCalls[0].headers['x-forwarded-uri']).toBe('/public/%2e%2e/allow//x');
  });

  it('appends the client address to the X-Forwarded-For it sent', async () => {
    await send(nginx.url, '/allow/x', {
      from: '127.0.0.7',
      headers: { 'X-Forwarded-For': '10.9.9.9' },
    });
    expect(authCalls[0].headers['x-forwarded-for']).toBe('10.9.9.9, 127.0.0.7');
    expect(upstream.requests[0].headers['x-forwarded-for']).toBe('10.9.9.9, 127.0.0.7');
  });

  it('answers 401 with the auth endpoint’s WWW-Authenticate, once, and does not reach the upstream', async () => {
    const reply = await send(nginx.url, '/unauthorized/x', {
      headers: { Authorization: 'Bearer tsr_bad' },
    });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe(INVALID_TOKEN);
    expect(countOf(reply, 'www-authenticate')).toBe(1);
    expect(JSON.parse(reply.body)).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(countOf(reply, 'retry-after')).toBe(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 403 with insufficient_scope and does not reach the upstream', async () => {
    const reply = await send(nginx.url, '/forbidden/x', { method: 'POST', body: 'x' });
    expect(reply.status).toBe(403);
    expect(reply.headers['www-authenticate']).toBe(INSUFFICIENT_SCOPE);
    expect(countOf(reply, 'www-authenticate')).toBe(1);
    expect(JSON.parse(reply.body)).toMatchObject({ statusCode: 403 });
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 429 with Retry-After, the RateLimit-* headers and the budget that ran out, and does not reach the upstream', async () => {
    const reply = await send(nginx.url, '/limited/x');
    expect(reply.status).toBe(429);
    expect(reply.headers).toMatchObject({
      'retry-after': '17',
      'ratelimit-limit': '600',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '17',
      // Which budget ran out: an organization's shared one here.
      'ratelimit-budget': 'organization',
    });
    expect(countOf(reply, 'retry-after')).toBe(1);
    expect(countOf(reply, 'www-authenticate')).toBe(0);
    expect(JSON.parse(reply.body)).toMatchObject({ statusCode: 429 });
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 400 for a request the auth endpoint cannot read, without reaching the upstream', async () => {
    const reply = await send(nginx.url, '/bad/x');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ statusCode: 400 });
    expect(countOf(reply, 'www-authenticate')).toBe(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses with 500 when the auth endpoint fails, without reaching the upstream', async () => {
    const reply = await send(nginx.url, '/broken/x');
    expect(reply.status).toBe(500);
    expect(upstream.requests).toHaveLength(0);
  });

  it('keeps answering each request by its own verdict on one connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const statuses: number[] = [];
      for (const path of ['/limited/a', '/allow/b', '/unauthorized/c', '/allow/d']) {
        statuses.push(
          await new Promise<number>((resolve, reject) => {
            http
              .get(`${nginx.url}${path}`, { agent }, (response) => {
                response.resume();
                response.on('end', () => resolve(response.statusCode ?? 0));
              })
              .on('error', reject);
          }),
        );
      }
      expect(statuses).toEqual([429, 200, 401, 200]);
      expect(upstream.requests.map((request) => request.url)).toEqual(['/allow/b', '/allow/d']);
    } finally {
      agent.destroy();
    }
  });
});

run('nginx without auth (the bench baseline)', () => {
  let upstream: EchoUpstream;
  let nginx: RunningNginx;

  beforeAll(async () => {
    upstream = await startEchoUpstream();
    nginx = await startPlainNginx({ upstreamUrl: upstream.url });
  });

  afterAll(async () => {
    await nginx?.stop();
    await upstream?.close();
  });

  it('proxies straight to the upstream', async () => {
    const reply = await send(nginx.url, '/unauthorized/x?y=1', {
      headers: { 'X-Forwarded-For': '10.1.1.1' },
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      method: 'GET',
      url: '/unauthorized/x?y=1',
      headers: { 'x-forwarded-for': '10.1.1.1, 127.0.0.1' },
    });
  });

  it('stops cleanly, leaving the port closed', async () => {
    const other = await startPlainNginx({ upstreamUrl: upstream.url });
    expect((await send(other.url, '/')).status).toBe(200);
    await other.stop();
    await expect(send(other.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
