import { setTimeout as sleep } from 'node:timers/promises';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';

/** RFC 7662 over HTTP, for both kinds of credential in every state. */
describe('POST /api/v1/introspect', () => {
  let t: AdminApp;
  let introspector: string;

  beforeAll(async () => {
    t = await startAdminApp();
    // What another service would hold: an API token with only the introspection scope.
    introspector = (await createToken(t.api, t.adminToken, { scopes: ['tokens:introspect'] }))
      .token;
  });

  afterAll(() => t?.close());

  const introspect = (token: string, extra: Record<string, string> = {}, caller = introspector) =>
    t.api.post('/api/v1/introspect', { token: caller, body: { token, ...extra } });

  it('describes an active API token, and whether a client address may use it', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:read', 'profile:read'],
      expiresInDays: 2,
      allowedIps: ['203.0.113.0/24'],
    });
    const answer = await introspect(token.token, { client_ip: '203.0.113.7' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      active: true,
      scope: 'tokens:read profile:read',
      sub: user.id,
      exp: Math.floor(Date.parse(token.expiresAt as string) / 1000),
      token_type: 'Bearer',
      credential: 'api_token',
      jti: token.id,
      role: 'user',
      client_ip_allowed: true,
    });
    expect(
      (await introspect(token.token, { client_ip: '198.51.100.1' })).body.client_ip_allowed,
    ).toBe(false);
    expect((await introspect(token.token)).body).not.toHaveProperty('client_ip_allowed');
  });

  it('describes an active session access token, and not once its session is revoked', async () => {
    const user = await newUser(t.api);
    const answer = await t.api.post('/api/v1/introspect', {
      token: introspector,
      form: { token: user.accessToken, token_type_hint: 'access_token' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      active: true,
      sub: user.id,
      token_type: 'Bearer',
      credential: 'session',
      jti: user.sessionId,
      role: 'user',
    });
    expect(answer.body.scope.split(' ')).toEqual(
      expect.arrayContaining(['tokens:read', 'sessions:write']),
    );
    expect(answer.body.scope).not.toContain('admin');
    expect(answer.body.exp - answer.body.iat).toBe(900);

    await t.api.post('/api/v1/auth/logout', { token: user.accessToken });
    expect((await introspect(user.accessToken)).body).toEqual({ active: false });
  });

  it('answers {active:false} and nothing more for unknown, malformed, revoked, rotated-out and expired tokens', async () => {
    const user = await newUser(t.api);
    const revoked = await createToken(t.api, user.accessToken);
    await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
    const rotated = await createToken(t.api, user.accessToken);
    await t.api.post(`/api/v1/tokens/${rotated.id}/rotate`, { token: user.accessToken, body: {} });
    const expiring = await createToken(t.api, user.accessToken, {
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    });
    expect((await introspect(expiring.token)).body.active).toBe(true);
    await sleep(1600);

    const unknown = revoked.token.slice(0, 10) + 'A'.repeat(28);
    for (const token of [
      revoked.token,
      rotated.token,
      expiring.token,
      unknown,
      'tsr_nonsense',
      'eyJ.nope.x',
      'x',
    ]) {
      const answer = await introspect(token);
      expect({ token, status: answer.status, body: answer.body }).toEqual({
        token,
        status: 200,
        body: { active: false },
      });
    }
  });

  it("neither charges the token's rate limit nor counts as its use", async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    for (let i = 0; i < 5; i++) expect((await introspect(token.token)).body.active).toBe(true);
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.lastUsedAt).toBeNull();
    const used = await t.api.get('/api/v1/auth/whoami', { token: token.token });
    // The first request charged to it.
    expect(Number(used.headers.get('ratelimit-remaining'))).toBe(
      Number(used.headers.get('ratelimit-limit')) - 1,
    );
  });

  it('is for admins and holders of tokens:introspect only; bad requests are 400', async () => {
    const user = await newUser(t.api);
    const forbidden = await introspect(user.accessToken, {}, user.accessToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="insufficient_scope", scope="tokens:introspect"',
    );
    const asAdmin = await introspect(user.accessToken, {}, t.adminToken);
    expect(asAdmin.body.active).toBe(true);
    expect((await t.api.post('/api/v1/introspect', { body: { token: 'x' } })).status).toBe(401);
    // An ordinary user cannot even make such a token.
    const escalate = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'x', scopes: ['tokens:introspect'] },
    });
    expect(escalate.status).toBe(403);

    for (const body of [
      {},
      { token: '' },
      { token: 5 },
      { token: 'x', client_ip: 'nope' },
      { token: 'x', other: 1 },
    ]) {
      const response = await t.api.post('/api/v1/introspect', { token: introspector, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });
});
