import { TesseraClient } from '@tessera/client';
import { tesseraClient } from '../../packages/client/examples/client.js';
import { writePolicyFile } from '../support/forward-auth-policy.js';
import { addMember, createOrg, type CreatedOrg } from '../support/orgs.js';
import {
  createToken,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';
import { startExampleApps, type RunningApp } from './example-apps.js';

/** The policy forward auth applies to the same routes the example apps guard. */
const POLICY = {
  scopes: [
    { name: 'projects:read', description: 'Read projects' },
    { name: 'projects:write', description: 'Create and change projects' },
  ],
  routes: [
    { method: 'GET', path: '/projects', scopes: ['projects:read'] },
    {
      method: 'POST',
      path: '/orgs/{org}/projects',
      scopes: ['projects:write'],
      orgRole: 'admin',
    },
  ],
};

const RATE_HEADERS = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];

/**
 * The Express, Fastify and NestJS middleware of `@tessera/client`, in the example apps the docs
 * show, against a real Tessera: each answers as forward auth does for the same request.
 */
describe('The middleware of @tessera/client', () => {
  let t: AdminApp;
  let policy: ReturnType<typeof writePolicyFile>;
  let client: TesseraClient;
  let apps: RunningApp[];
  let owner: LoggedInUser;
  let member: LoggedInUser;
  let acme: CreatedOrg;
  let globex: CreatedOrg;

  beforeAll(async () => {
    policy = writePolicyFile(POLICY);
    t = await startAdminApp({ ...policy.env, MAX_TOKENS_PER_USER: '1000' });
    const verifier = await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] });
    client = tesseraClient({ TESSERA_URL: t.baseUrl, TESSERA_TOKEN: verifier.token });
    apps = await startExampleApps(client);
    owner = await newUser(t.api);
    member = await newUser(t.api);
    acme = await createOrg(t.api, owner);
    globex = await createOrg(t.api, await newUser(t.api));
    await addMember(acme.id, member.id, 'member');
  });
  afterAll(async () => {
    await Promise.all((apps ?? []).map((app) => app.close()));
    await t?.close();
    policy?.remove();
  });

  const call = (app: RunningApp, method: string, path: string, authorization?: string) =>
    fetch(app.baseUrl + path, {
      method,
      headers: authorization ? { authorization } : {},
    });
  const forwardAuth = (method: string, path: string, authorization?: string) =>
    fetch(`${t.baseUrl}/api/v1/forward-auth`, {
      headers: {
        'x-forwarded-method': method,
        'x-forwarded-uri': path,
        ...(authorization ? { authorization } : {}),
      },
    });
  /** What a client learns from a refusal or a pass: the status and the headers that say why. */
  const shape = async (response: Response) => {
    const body: any = response.status >= 400 ? await response.json() : await response.text();
    return {
      // Forward auth answers 200 to let a request through; the app then creates (201).
      status: response.ok ? 'allowed' : response.status,
      wwwAuthenticate: response.headers.get('www-authenticate'),
      retryAfter: response.headers.has('retry-after'),
      rateLimit: RATE_HEADERS.filter((name) => response.headers.has(name)),
      error: typeof body === 'object' ? body.error : undefined,
    };
  };
  const orgToken = async (org: CreatedOrg, by: LoggedInUser, scopes: string[]) => {
    const created = await t.api.post(`/api/v1/orgs/${org.id}/tokens`, {
      token: by.accessToken,
      body: { name: `svc ${Date.now()} ${Math.random()}`, scopes },
    });
    if (created.status !== 201) throw new Error(created.text);
    return created.body.token as string;
  };

  it('answer each credential as forward auth does, on a plain and an organization route', async () => {
    const revoked = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: member.accessToken });
    const reader = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    const writer = await createToken(t.api, owner.accessToken, { scopes: ['projects:write'] });
    const acmeToken = await orgToken(acme, owner, ['projects:read', 'projects:write']);
    const cases: [string, string, string, string | undefined][] = [
      ['no credential', 'GET', '/projects', undefined],
      ['another scheme', 'GET', '/projects', 'Basic dXNlcjpwYXNz'],
      ['Bearer and nothing', 'GET', '/projects', 'Bearer'],
      ['Bearer and two words', 'GET', '/projects', 'Bearer two words'],
      ['an unknown token', 'GET', '/projects', 'Bearer tsr_notatokenatall'],
      ['a revoked token', 'GET', '/projects', `Bearer ${revoked.token}`],
      ['a token with the scope', 'GET', '/projects', `Bearer ${reader.token}`],
      ['the same as Token', 'GET', '/projects', `Token ${reader.token}`],
      ['a token without the scope', 'GET', '/projects', `Bearer ${writer.token}`],
      ['a session', 'GET', '/projects', `Bearer ${member.accessToken}`],
      ['an owner, by slug', 'POST', `/orgs/${acme.slug}/projects`, `Bearer ${owner.accessToken}`],
      ['an owner, by id', 'POST', `/orgs/${acme.id}/projects`, `Bearer ${owner.accessToken}`],
      [
        'an owner, another org',
        'POST',
        `/orgs/${globex.slug}/projects`,
        `Bearer ${owner.accessToken}`,
      ],
      [
        'a member below the role',
        'POST',
        `/orgs/${acme.slug}/projects`,
        `Bearer ${member.accessToken}`,
      ],
      ['a token of the owner', 'POST', `/orgs/${acme.slug}/projects`, `Bearer ${writer.token}`],
      [
        'a token of the owner, other org',
        'POST',
        `/orgs/${globex.id}/projects`,
        `Bearer ${writer.token}`,
      ],
      ['the org token, by id', 'POST', `/orgs/${acme.id}/projects`, `Bearer ${acmeToken}`],
      ['the org token, other org', 'POST', `/orgs/${globex.id}/projects`, `Bearer ${acmeToken}`],
      ['the org token, by slug', 'POST', `/orgs/${acme.slug}/projects`, `Bearer ${acmeToken}`],
      [
        'the org token, by slug in capitals',
        'POST',
        `/orgs/${acme.slug.toUpperCase()}/projects`,
        `Bearer ${acmeToken}`,
      ],
      [
        'the org token, other org by slug',
        'POST',
        `/orgs/${globex.slug}/projects`,
        `Bearer ${acmeToken}`,
      ],
    ];
    for (const [name, method, path, authorization] of cases) {
      const expected = await shape(await forwardAuth(method, path, authorization));
      for (const app of apps) {
        const got = await shape(await call(app, method, path, authorization));
        expect({ app: app.name, name, ...got }).toEqual({ app: app.name, name, ...expected });
      }
    }
  });

  it('put the principal on the request, with the org and role on an org route', async () => {
    const reader = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    for (const app of apps) {
      const list = await call(app, 'GET', '/projects', `Bearer ${reader.token}`);
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual({ owner: member.id, projects: [] });
      const created = await call(
        app,
        'POST',
        `/orgs/${acme.slug}/projects`,
        `Bearer ${owner.accessToken}`,
      );
      expect({ app: app.name, status: created.status, body: await created.json() }).toEqual({
        app: app.name,
        status: 201,
        body: { org: { id: acme.id, role: 'owner' } },
      });
    }
  });

  it('refuse a missing scope and an unknown token with the exact RFC 6750 challenges', async () => {
    const writer = await createToken(t.api, member.accessToken, { scopes: ['projects:write'] });
    for (const app of apps) {
      const missing = await call(app, 'GET', '/projects', `Bearer ${writer.token}`);
      expect(missing.status).toBe(403);
      expect(missing.headers.get('www-authenticate')).toBe(
        'Bearer realm="tessera", error="insufficient_scope", scope="projects:read"',
      );
      expect(await missing.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'This action needs the "projects:read" scope',
      });
      const none = await call(app, 'GET', '/projects');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
      const bad = await call(app, 'GET', '/projects', 'Bearer tsr_notatokenatall');
      expect(bad.headers.get('www-authenticate')).toBe(
        'Bearer realm="tessera", error="invalid_token"',
      );
    }
  });

  it("answer 429 with Retry-After and RateLimit-* once a token's rate limit is spent", async () => {
    for (const app of apps) {
      const limited = await createToken(t.api, member.accessToken, {
        scopes: ['projects:read'],
        rateLimit: { perMinute: 1 },
      });
      const first = await call(app, 'GET', '/projects', `Bearer ${limited.token}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-limit')).toBe('1');
      expect(first.headers.get('ratelimit-remaining')).toBe('0');
      const second = await call(app, 'GET', '/projects', `Bearer ${limited.token}`);
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(second.headers.get('retry-after')).toBe(second.headers.get('ratelimit-reset'));
      expect(second.headers.get('ratelimit-remaining')).toBe('0');
      // Forward auth answers the third use the same way.
      expect(await shape(await forwardAuth('GET', '/projects', `Bearer ${limited.token}`))).toEqual(
        await shape(await call(app, 'GET', '/projects', `Bearer ${limited.token}`)),
      );
    }
  });

  it("answer 429 with Retry-After at the period's end once a token's quota is spent", async () => {
    for (const app of apps) {
      const quota = await createToken(t.api, member.accessToken, {
        scopes: ['projects:read'],
        quota: { limit: 1, period: 'day' },
      });
      expect((await call(app, 'GET', '/projects', `Bearer ${quota.token}`)).status).toBe(200);
      const spent = await call(app, 'GET', '/projects', `Bearer ${quota.token}`);
      expect(spent.status).toBe(429);
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 0, 0);
      const expected = Math.ceil((midnight.getTime() - Date.now()) / 1000);
      expect(Math.abs(Number(spent.headers.get('retry-after')) - expected)).toBeLessThanOrEqual(5);
      const viaProxy = await forwardAuth('GET', '/projects', `Bearer ${quota.token}`);
      expect(viaProxy.status).toBe(429);
      expect(viaProxy.headers.has('retry-after')).toBe(true);
    }
  });

  it('leave a Fastify route whose config says tessera: false alone', async () => {
    const fastify = apps.find((app) => app.name === 'Fastify')!;
    expect((await call(fastify, 'GET', '/health')).status).toBe(200);
    expect((await call(fastify, 'GET', '/projects')).status).toBe(401);
  });

  it('fail closed with 503 when Tessera cannot be asked', async () => {
    const unreachable = new TesseraClient({ baseUrl: 'http://127.0.0.1:1', token: 'tsr_x' });
    const { startExpress } = await import('./example-apps.js');
    const app = await startExpress(unreachable);
    try {
      const answer = await call(app, 'GET', '/projects', `Bearer ${member.accessToken}`);
      expect(answer.status).toBe(503);
    } finally {
      await app.close();
    }
  });
});
