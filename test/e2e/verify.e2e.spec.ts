import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokenService } from '../../src/sessions/access-token.service.js';
import { generateApiToken } from '../../src/tokens/token-format.js';
import {
  createToken,
  newUser,
  startAdminApp,
  testConfig,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

/** `POST /api/v1/verify` over HTTP: one code for each state a credential can be in. */
describe('POST /api/v1/verify', () => {
  let t: AdminApp;
  let verifier: string;
  let user: LoggedInUser;

  beforeAll(async () => {
    // No flush while the tests read last use from the token view.
    t = await startAdminApp({ LAST_USED_FLUSH_SECONDS: '60' });
    // What another service would hold: an API token with only the verification scope.
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t?.close());

  const verify = (body: Record<string, unknown>, caller = verifier) =>
    t.api.post('/api/v1/verify', { token: caller, body });
  const code = async (body: Record<string, unknown>) => {
    const answer = await verify(body);
    expect(answer.status).toBe(200);
    return answer.body.code as string;
  };

  it('describes a valid API token and charges its limit as a use', async () => {
    const token = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:read', 'profile:read'],
      expiresInDays: 3,
    });
    const answer = await verify({ token: token.token, clientIp: '198.51.100.4' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      valid: true,
      code: 'VALID',
      credential: 'api_token',
      userId: user.id,
      orgs: [],
      role: 'user',
      tokenId: token.id,
      scopes: ['tokens:read', 'profile:read'],
      expiresAt: token.expiresAt,
      rateLimit: { limit: 600, remaining: 599, reset: expect.any(Number) },
    });
    // The token's next request sees the verification charged.
    const next = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(next.headers.get('ratelimit-remaining')).toBe('598');
  });

  it("records the verification as the token's last use, from clientIp", async () => {
    const token = await createToken(t.api, user.accessToken);
    expect((await verify({ token: token.token, clientIp: '2001:db8::7' })).body.valid).toBe(true);
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.lastUsedIp).toBe('2001:db8::7');
    expect(Date.now() - Date.parse(view.body.lastUsedAt)).toBeLessThan(10_000);
  });

  it('says NOT_FOUND for unknown and malformed strings', async () => {
    for (const token of [
      generateApiToken(),
      generateApiToken().slice(0, -1) + '0',
      'tsr_nonsense',
      'eyJ.nope.x',
      'x',
      'two words',
      'é',
    ]) {
      expect({ token, answer: (await verify({ token })).body }).toEqual({
        token,
        answer: { valid: false, code: 'NOT_FOUND' },
      });
    }
  });

  it('says EXPIRED for an expired API token and an expired session access token', async () => {
    const token = await createToken(t.api, user.accessToken, {
      expiresAt: new Date(Date.now() + 1200).toISOString(),
    });
    expect(await code({ token: token.token })).toBe('VALID');
    // Signed with the app's key, issued long enough ago to have run out.
    const accessTokens = new AccessTokenService(testConfig());
    const old = accessTokens.issue(
      { userId: user.id, sessionId: user.sessionId, role: 'user' },
      new Date(Date.now() - 3_600_000),
    );
    await sleep(1300);
    expect(await code({ token: token.token })).toBe('EXPIRED');
    expect(await code({ token: old.token })).toBe('EXPIRED');
  });

  it('says REVOKED for a revoked token, a logged-out session and a token rotated out', async () => {
    const revoked = await createToken(t.api, user.accessToken);
    await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
    expect(await code({ token: revoked.token })).toBe('REVOKED');

    const rotated = await createToken(t.api, user.accessToken);
    const successor = await t.api.post(`/api/v1/tokens/${rotated.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 1 },
    });
    expect(successor.status).toBe(201);
    // Inside the grace period both work; after it, the old one is revoked.
    expect(await code({ token: rotated.token })).toBe('VALID');
    expect(await code({ token: successor.body.token })).toBe('VALID');
    await sleep(1100);
    expect(await code({ token: rotated.token })).toBe('REVOKED');
    expect(await code({ token: successor.body.token })).toBe('VALID');

    const other = await newUser(t.api);
    expect(await code({ token: other.accessToken })).toBe('VALID');
    await t.api.post('/api/v1/auth/logout', { token: other.accessToken });
    expect(await code({ token: other.accessToken })).toBe('REVOKED');
  });

  it('says IP_NOT_ALLOWED outside the allowlist, without charging the token', async () => {
    const token = await createToken(t.api, user.accessToken, { allowedIps: ['203.0.113.0/24'] });
    expect(await code({ token: token.token, clientIp: '198.51.100.1' })).toBe('IP_NOT_ALLOWED');
    // No client address: the allowlist cannot be satisfied.
    expect(await code({ token: token.token })).toBe('IP_NOT_ALLOWED');
    const inside = await verify({ token: token.token, clientIp: '203.0.113.9' });
    expect(inside.body).toMatchObject({ valid: true, code: 'VALID' });
    expect(inside.body.rateLimit.remaining).toBe(599);
  });

  it('tells the token holder over HTTP that the address is the problem, and nothing more', async () => {
    const token = await createToken(t.api, user.accessToken, { allowedIps: ['203.0.113.0/24'] });
    const refused = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="invalid_token"',
    );
    expect(refused.body.message).toBe('This API token is not allowed from this address');
    expect(refused.text).not.toContain('203.0.113');
  });

  it('says INSUFFICIENT_SCOPE when the credential lacks a scope asked for', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const answer = await verify({ token: token.token, scopes: ['tokens:read', 'projects:read'] });
    expect(answer.body).toMatchObject({
      valid: false,
      code: 'INSUFFICIENT_SCOPE',
      tokenId: token.id,
      scopes: ['tokens:read'],
    });
    expect((await verify({ token: token.token, scopes: ['tokens:read'] })).body.code).toBe('VALID');
    // A session access token carries its role's scopes.
    expect(await code({ token: user.accessToken, scopes: ['sessions:write'] })).toBe('VALID');
    expect(await code({ token: user.accessToken, scopes: ['admin'] })).toBe('INSUFFICIENT_SCOPE');
  });

  it('describes a session access token', async () => {
    const answer = await verify({ token: user.accessToken, scopes: ['profile:read'] });
    expect(answer.body).toMatchObject({
      valid: true,
      code: 'VALID',
      credential: 'session',
      userId: user.id,
      role: 'user',
      sessionId: user.sessionId,
    });
    expect(answer.body.tokenId).toBeUndefined();
    expect(answer.body.rateLimit).toBeUndefined();
    expect(answer.body.scopes).toContain('tokens:write');
    const left = Date.parse(answer.body.expiresAt) - Date.now();
    expect(left).toBeGreaterThan(800_000);
    expect(left).toBeLessThanOrEqual(900_000);
  });

  it("says RATE_LIMITED once the token's limit is used up, with when it frees up", async () => {
    const token = await createToken(t.api, user.accessToken);
    for (let batch = 0; batch < 6; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => verify({ token: token.token })),
      );
      expect(answers.every((answer) => answer.body.code === 'VALID')).toBe(true);
    }
    const refused = await verify({ token: token.token });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({
      valid: false,
      code: 'RATE_LIMITED',
      rateLimit: { limit: 600, remaining: 0, reset: expect.any(Number) },
    });
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(429);
  });

  it("does not charge the verifying or introspecting service's own token", async () => {
    const introspector = (
      await createToken(t.api, t.adminToken, { scopes: ['tokens:introspect'], name: 'intro' })
    ).token;
    const service = (
      await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'], name: 'svc' })
    ).token;
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          expect((await verify({ token: user.accessToken }, service)).status).toBe(200);
          expect(
            (await t.api.post('/api/v1/introspect', { token: introspector, body: { token: 'x' } }))
              .status,
          ).toBe(200);
        }),
      );
    }
    // The 601st call in the minute.
    const verified = await verify({ token: user.accessToken }, service);
    expect(verified.status).toBe(200);
    expect(verified.body.code).toBe('VALID');
    expect(verified.headers.get('ratelimit-limit')).toBeNull();
    const introspected = await t.api.post('/api/v1/introspect', {
      token: introspector,
      body: { token: user.accessToken },
    });
    expect(introspected.status).toBe(200);
    expect(introspected.body.active).toBe(true);
  });

  it('charges a caller that may not verify, and answers it 403', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const first = await verify({ token: user.accessToken }, token.token);
    expect(first.status).toBe(403);
    expect(first.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="insufficient_scope", scope="tokens:verify"',
    );
    expect(first.headers.get('ratelimit-remaining')).toBe('599');
    expect((await verify({ token: token.token }, user.accessToken)).status).toBe(403);
    // An admin's session holds `admin`.
    expect((await verify({ token: user.accessToken }, t.adminToken)).body.code).toBe('VALID');
    expect((await t.api.post('/api/v1/verify', { body: { token: 'x' } })).status).toBe(401);
  });

  it('answers 400 to bad input and changes nothing', async () => {
    const token = await createToken(t.api, user.accessToken);
    for (const body of [
      {},
      { token: '' },
      { token: 42 },
      { token: token.token, scopes: 'tokens:read' },
      { token: token.token, scopes: ['Tokens:Read'] },
      { token: token.token, scopes: ['nocolon'] },
      { token: token.token, scopes: [7] },
      { token: token.token, clientIp: 'not-an-ip' },
      { token: token.token, clientIp: null },
      { token: token.token, extra: true },
      { token: 'x'.repeat(4097) },
    ]) {
      const answer = await verify(body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    const malformed = await t.api.post('/api/v1/verify', { token: verifier, raw: '{"token":' });
    expect(malformed.status).toBe(400);
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.lastUsedAt).toBeNull();
  });

  it('checks the body before the scope, as a whole and as text, in the order the API answers it', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const raw = (body: string, caller = verifier, type = 'application/json') =>
      t.api.post('/api/v1/verify', { token: caller, raw: body, headers: { 'content-type': type } });
    for (const body of ['[]', '"tsr_x"', 'null']) {
      const answer = await raw(body);
      expect({ body, status: answer.status, message: answer.body.message }).toEqual({
        body,
        status: 400,
        message: 'Request body must be a JSON object',
      });
    }
    expect((await raw('{"token":"a\\u0000b"}')).body.message).toBe(
      'Text must not contain NUL characters',
    );
    expect((await raw('{"token":"\\ud800"}')).body.message).toBe(
      'Text must be well-formed Unicode (no lone surrogates)',
    );
    expect((await raw(JSON.stringify({ token: token.token }), verifier, 'text/plain')).status).toBe(
      415,
    );
    // A caller that may not verify: a bad body is still a 400, a good one its 403.
    expect((await raw('{"token":""}', token.token)).status).toBe(400);
    expect((await raw('[]', token.token)).status).toBe(400);
    expect((await raw(JSON.stringify({ token: token.token }), token.token)).status).toBe(403);
    // No body at all is an empty one.
    const none = await t.api.post('/api/v1/verify', { token: verifier });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('token should not be empty');
  });
});
