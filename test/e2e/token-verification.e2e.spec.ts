import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { sleep } from '../support/time.js';
import { sqlClient } from '../support/database.js';

describe('API token verification', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    // The longest flush interval: no flush runs while these tests look at last use.
    t = await startTestApp({ LAST_USED_FLUSH_SECONDS: '60' });
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

  const current = (token: string, headers: Record<string, string> = {}) =>
    t.api.get('/api/v1/tokens/current', { token, headers });

  it('refuses a token with a bad checksum as invalid_token', async () => {
    const created = await createToken(t.api, user.accessToken);
    const last = created.token.at(-1) === 'a' ? 'b' : 'a';
    const tampered = created.token.slice(0, -1) + last;
    const response = await current(tampered);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="invalid_token"',
    );
    expect((await current(created.token)).status).toBe(200);
  });

  it('refuses a well-formed token that was never issued', async () => {
    const { generateApiToken } = await import('../../src/tokens/token-format.js');
    const response = await current(generateApiToken());
    expect(response.status).toBe(401);
  });

  describe('IP allowlists', () => {
    it('refuses the token from an address outside its allowlist', async () => {
      const created = await createToken(t.api, user.accessToken, {
        allowedIps: ['203.0.113.0/24'],
      });
      const response = await current(created.token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      // It says the address is the problem, and nothing of the allowlist.
      expect(response.body.message).toBe('This API token is not allowed from this address');
      expect(response.text).not.toContain('203.0.113');
    });

    it('does not believe a forged X-Forwarded-For from a client that is not a trusted proxy', async () => {
      const created = await createToken(t.api, user.accessToken, {
        allowedIps: ['203.0.113.7'],
      });
      const forged = await current(created.token, { 'x-forwarded-for': '203.0.113.7' });
      expect(forged.status).toBe(401);
    });

    it('allows the token from a listed address, IPv4-mapped entries included', async () => {
      const created = await createToken(t.api, user.accessToken, {
        allowedIps: ['198.51.100.0/24', '::ffff:127.0.0.1'],
      });
      expect(created.allowedIps).toEqual(['198.51.100.0/24', '127.0.0.1']);
      const response = await current(created.token);
      expect(response.status).toBe(200);
      expect(response.body.lastUsedIp).toBe('127.0.0.1');
    });

    it('believes X-Forwarded-For from a proxy named in TRUST_PROXY', async () => {
      const proxied = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
      try {
        const owner = await newUser(proxied.api);
        const created = await createToken(proxied.api, owner.accessToken, {
          allowedIps: ['203.0.113.0/24', '2001:db8::/32'],
        });
        const call = (xff: string) =>
          proxied.api.get('/api/v1/tokens/current', {
            token: created.token,
            headers: { 'x-forwarded-for': xff },
          });
        expect((await call('203.0.113.50')).status).toBe(200);
        expect((await call('2001:db8::7')).status).toBe(200);
        expect((await call('::ffff:203.0.113.51')).status).toBe(200);
        expect((await call('198.51.100.1')).status).toBe(401);
        // The client can prepend anything; the proxy appends the real address last.
        expect((await call('203.0.113.50, 198.51.100.1')).status).toBe(401);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('expiry', () => {
    it('refuses a token once its expiry has passed, with no job involved', async () => {
      const created = await createToken(t.api, user.accessToken, {
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      });
      expect((await current(created.token)).status).toBe(200); // cached from here on
      await sleep(1600);
      expect((await current(created.token)).status).toBe(401);
    });
  });

  describe('last use', () => {
    it('shows when and from where a token was last used, before any write', async () => {
      const created = await createToken(t.api, user.accessToken);
      const before = Date.now();
      for (let i = 0; i < 5; i++) await current(created.token);
      const view = await t.api.get(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      expect(Date.parse(view.body.lastUsedAt)).toBeGreaterThanOrEqual(before - 5);
      expect(view.body.lastUsedIp).toBe('127.0.0.1');
      // Nothing written yet: the flush runs every LAST_USED_FLUSH_SECONDS (60 s here).
      const db = await sqlClient();
      try {
        const { rows } = await db.query('SELECT last_used_at FROM api_tokens WHERE id = $1', [
          created.id,
        ]);
        expect(rows[0].last_used_at).toBeNull();
      } finally {
        await db.end();
      }
    });
  });
});

describe('API token rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TOKEN_RATE_PER_MINUTE: '3', TOKEN_RATE_PER_HOUR: '100' });
  });
  afterAll(() => t.close());

  it('reports the limit on every response and refuses with 429 past it', async () => {
    const user = await newUser(t.api);
    const created = await createToken(t.api, user.accessToken);
    const other = await createToken(t.api, user.accessToken);
    const responses = [];
    for (let i = 0; i < 4; i++) {
      responses.push(await t.api.get('/api/v1/tokens/current', { token: created.token }));
    }
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(responses.map((r) => r.headers.get('ratelimit-remaining'))).toEqual([
      '2',
      '1',
      '0',
      '0',
    ]);
    for (const response of responses) {
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const refused = responses[3];
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });

    // Per token: another token of the same user is not affected; nor are session tokens.
    expect((await t.api.get('/api/v1/tokens/current', { token: other.token })).status).toBe(200);
    const bySession = await t.api.get('/api/v1/tokens', { token: user.accessToken });
    expect(bySession.status).toBe(200);
    expect(bySession.headers.get('ratelimit-limit')).toBeNull();
  });

  it('also reports the limit on error responses of token-authenticated requests', async () => {
    const user = await newUser(t.api);
    const created = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const forbidden = await t.api.get('/api/v1/sessions', { token: created.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('ratelimit-remaining')).toBe('2');
  });
});

describe('API token last use, written in batches', () => {
  it('writes last use to the database within the flush interval, and at shutdown', async () => {
    const db = await sqlClient();
    const lastUsed = async (id: string) =>
      (await db.query('SELECT last_used_at, last_used_ip FROM api_tokens WHERE id = $1', [id]))
        .rows[0];
    try {
      const t = await startTestApp({ LAST_USED_FLUSH_SECONDS: '1' });
      const user = await newUser(t.api);
      const created = await createToken(t.api, user.accessToken);
      await t.api.get('/api/v1/tokens/current', { token: created.token });
      expect((await lastUsed(created.id)).last_used_at).toBeNull();
      await sleep(1300);
      expect(await lastUsed(created.id)).toMatchObject({ last_used_ip: '127.0.0.1' });

      const second = await createToken(t.api, user.accessToken);
      await t.api.get('/api/v1/tokens/current', { token: second.token });
      await t.close(); // before the next interval: the shutdown flush writes it
      expect((await lastUsed(second.id)).last_used_at).toBeInstanceOf(Date);
    } finally {
      await db.end();
    }
  });
});

describe('GET /auth/whoami', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('describes either kind of credential: its owner, role, scopes and id', async () => {
    const user = await newUser(t.api);
    const created = await createToken(t.api, user.accessToken, {
      scopes: ['profile:read', 'tokens:read'],
    });
    const byToken = await t.api.get('/api/v1/auth/whoami', { token: created.token });
    expect(byToken.body).toEqual({
      kind: 'api_token',
      userId: user.id,
      role: 'user',
      scopes: ['profile:read', 'tokens:read'],
      tokenId: created.id,
    });
    const bySession = await t.api.get('/api/v1/auth/whoami', { token: user.accessToken });
    expect(bySession.body).toEqual({
      kind: 'session',
      userId: user.id,
      role: 'user',
      scopes: ['tokens:read', 'tokens:write', 'sessions:read', 'sessions:write', 'profile:read'],
      sessionId: user.sessionId,
    });
    expect((await t.api.get('/api/v1/auth/whoami')).status).toBe(401);
  });
});

describe('What API tokens may do to other tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives tokens made by a restricted token its allowlist and expiry, and no wider ones', async () => {
    const user = await newUser(t.api);
    const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const parent = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
      allowedIps: ['127.0.0.0/8'],
      expiresAt,
    });
    const child = await t.api.post('/api/v1/tokens', {
      token: parent.token,
      body: { name: 'child', scopes: ['tokens:read'] },
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ allowedIps: ['127.0.0.0/8'], expiresAt });

    const narrower = await t.api.post('/api/v1/tokens', {
      token: parent.token,
      body: {
        name: 'narrower',
        scopes: ['tokens:read'],
        allowedIps: ['127.0.0.1'],
        expiresInDays: 1,
      },
    });
    expect(narrower.status).toBe(201);

    for (const body of [
      { allowedIps: [] },
      { allowedIps: ['10.0.0.0/8'] },
      { allowedIps: ['0.0.0.0/0'] },
      { expiresInDays: 30 },
    ]) {
      const refused = await t.api.post('/api/v1/tokens', {
        token: parent.token,
        body: { name: 'escape', scopes: ['tokens:read'], ...body },
      });
      expect(refused.status).toBe(403);
    }
    const patched = await t.api.request('PATCH', `/api/v1/tokens/${child.body.id}`, {
      token: parent.token,
      body: { allowedIps: [] },
    });
    expect(patched.status).toBe(403);
  });

  it('refuses to let a restricted token change an unrestricted one at all', async () => {
    const user = await newUser(t.api);
    const restricted = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read', 'profile:read'],
      allowedIps: ['127.0.0.1'],
      expiresInDays: 1,
    });
    const open = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const widened = await t.api.request('PATCH', `/api/v1/tokens/${open.id}`, {
      token: restricted.token,
      body: { scopes: ['tokens:read', 'profile:read'] },
    });
    expect(widened.status).toBe(403);
    const view = await t.api.get(`/api/v1/tokens/${open.id}`, { token: user.accessToken });
    expect(view.body.scopes).toEqual(['tokens:read']);
  });

  it('does not replay an unrestricted token to a restricted one that sends the same key', async () => {
    const user = await newUser(t.api);
    const body = { name: 'ci', scopes: ['tokens:read'] };
    const first = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body,
      headers: { 'idempotency-key': 'shared-key' },
    });
    expect(first.status).toBe(201);
    const restricted = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
      allowedIps: ['127.0.0.1'],
    });
    const replay = await t.api.post('/api/v1/tokens', {
      token: restricted.token,
      body,
      headers: { 'idempotency-key': 'shared-key' },
    });
    expect(replay.status).toBe(403);
    expect(replay.text).not.toContain(first.body.token);
  });

  it('lets a token with an expiry policy rotate itself, renewing its lifetime', async () => {
    const user = await newUser(t.api);
    const own = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
      expiresInDays: 7,
    });
    const rotated = await t.api.post(`/api/v1/tokens/${own.id}/rotate`, { token: own.token });
    expect(rotated.status).toBe(201);
    expect(Date.parse(rotated.body.expiresAt)).toBeGreaterThan(Date.parse(String(own.expiresAt)));
    expect((await t.api.get('/api/v1/auth/whoami', { token: rotated.body.token })).status).toBe(
      200,
    );
  });

  it('refuses to let a token change or rotate a token with scopes it lacks', async () => {
    const user = await newUser(t.api);
    const strong = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:read', 'sessions:write'],
      allowedIps: ['127.0.0.1'],
    });
    const weak = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
    });
    const rotate = await t.api.post(`/api/v1/tokens/${strong.id}/rotate`, { token: weak.token });
    expect(rotate.status).toBe(403);
    const loosen = await t.api.request('PATCH', `/api/v1/tokens/${strong.id}`, {
      token: weak.token,
      body: { allowedIps: [] },
    });
    expect(loosen.status).toBe(403);
    const view = await t.api.get(`/api/v1/tokens/${strong.id}`, { token: user.accessToken });
    expect(view.body.allowedIps).toEqual(['127.0.0.1']);
    // The owner's session may do both.
    const byOwner = await t.api.request('PATCH', `/api/v1/tokens/${strong.id}`, {
      token: user.accessToken,
      body: { allowedIps: [] },
    });
    expect(byOwner.status).toBe(200);
  });

  it('applies an allowlist change to the very next request', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(200);
    await t.api.request('PATCH', `/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { allowedIps: ['203.0.113.1'] },
    });
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(401);
  });

  it('lists a token in its grace period as active, and as revoked once it ended', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    const rotated = await t.api.post(`/api/v1/tokens/${token.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 1 },
    });
    const ids = async (status: string) =>
      (
        await t.api.get(`/api/v1/tokens?status=${status}`, { token: user.accessToken })
      ).body.items.map((item: { id: string }) => item.id);
    expect(await ids('active')).toEqual([rotated.body.id, token.id]);
    expect(await ids('revoked')).toEqual([]);
    await sleep(1100);
    expect(await ids('active')).toEqual([rotated.body.id]);
    expect(await ids('revoked')).toEqual([token.id]);
  });
});
