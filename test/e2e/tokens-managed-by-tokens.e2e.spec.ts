import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { sleep } from '../support/time.js';

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

  it('makes the tokens a token with a quota creates share its quota, and lets it loosen none', async () => {
    const user = await newUser(t.api);
    const parent = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
      quota: { limit: 100, period: 'month' },
    });
    const create = (body: Record<string, unknown>) =>
      t.api.post('/api/v1/tokens', {
        token: parent.token,
        body: { name: `child ${Math.random()}`, scopes: ['tokens:read'], ...body },
      });
    // Unnamed, the quota is the parent's own: no minting an unmetered token.
    const inherited = await create({});
    expect(inherited.status).toBe(201);
    expect(inherited.body.quota).toMatchObject({ limit: 100, period: 'month' });
    expect((await create({ quota: { limit: 100, period: 'month' } })).status).toBe(201);
    // Any other quota would be a count of its own: 50 a day would be 1,500 a month, and even
    // a smaller one would start from nothing.
    for (const quota of [
      { limit: 101, period: 'month' },
      { limit: 50, period: 'day' },
      { limit: 1_000, period: 'total' },
      { limit: 10, period: 'month' },
      { limit: 100, period: 'total' },
    ]) {
      const refused = await create({ quota });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/share its quota|quota must stay within/);
    }
    // Nor lifted, loosened or moved to another period's count by PATCH.
    for (const quota of [
      null,
      { limit: 500, period: 'month' },
      { limit: 5, period: 'total' },
      { limit: 5, period: 'day' },
    ]) {
      const patched = await t.api.patch(`/api/v1/tokens/${inherited.body.id}`, {
        token: parent.token,
        body: { quota },
      });
      expect(patched.status).toBe(403);
    }
    const tightened = await t.api.patch(`/api/v1/tokens/${inherited.body.id}`, {
      token: parent.token,
      body: { quota: { limit: 5, period: 'month' } },
    });
    expect(tightened.status).toBe(200);
    // An unmetered token of the same owner is out of its reach, as a wider one is.
    const unmetered = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const renamed = await t.api.patch(`/api/v1/tokens/${unmetered.id}`, {
      token: parent.token,
      body: { name: 'renamed' },
    });
    expect(renamed.status).toBe(403);
    const rotated = await t.api.post(`/api/v1/tokens/${unmetered.id}/rotate`, {
      token: parent.token,
      body: {},
    });
    expect(rotated.status).toBe(403);
    // A person's session is held to no token's quota.
    const own = await t.api.patch(`/api/v1/tokens/${unmetered.id}`, {
      token: user.accessToken,
      body: { quota: null },
    });
    expect(own.status).toBe(200);
  });

  it('counts the uses of a token with a quota and of the tokens it made as one: minting more tokens buys no more uses', async () => {
    const user = await newUser(t.api);
    const parent = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
      quota: { limit: 6, period: 'total' },
    });
    // Two uses of the parent first: the children start from what the lineage has spent.
    for (let i = 0; i < 2; i++) {
      expect((await t.api.get('/api/v1/tokens/current', { token: parent.token })).status).toBe(200);
    }
    const children = [];
    for (const name of ['first', 'second']) {
      const child = await t.api.post('/api/v1/tokens', {
        token: parent.token,
        body: { name, scopes: ['tokens:read'] },
      });
      expect(child.status).toBe(201);
      children.push(child.body);
    }
    // Each creation was itself a use of the parent: 4 of 6 spent.
    expect(children[1].quota).toMatchObject({ limit: 6, remaining: 2 });
    // Many concurrent uses spread over the three tokens: exactly what is left succeeds.
    const tokens = [parent.token, children[0].token, children[1].token];
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        t.api.get('/api/v1/tokens/current', { token: tokens[i % 3] }),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(13);
    const view = await t.api.get(`/api/v1/tokens/${children[0].id}`, { token: user.accessToken });
    expect(view.body.quota).toMatchObject({ limit: 6, remaining: 0 });
    // A rotation of a child stays in the same count.
    const rotated = await t.api.post(`/api/v1/tokens/${children[0].id}/rotate`, {
      token: user.accessToken,
      body: {},
    });
    expect(rotated.status).toBe(201);
    const after = await t.api.get('/api/v1/tokens/current', { token: rotated.body.token });
    expect(after.status).toBe(429);
    expect(after.body.message).toBe(
      'The usage quota of this API token is spent, and a lifetime quota does not start over',
    );
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

  it('does not replay to a token held to a quota a token outside its count, nor the reverse', async () => {
    const user = await newUser(t.api);
    const body = { name: 'unmetered', scopes: ['tokens:read'] };
    const first = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body,
      headers: { 'idempotency-key': 'metered-key' },
    });
    expect(first.status).toBe(201);
    expect(first.body.quota).toBeUndefined();
    const metered = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
      quota: { limit: 5, period: 'total' },
    });
    // The same key and body from the metered token is another request: no unmetered secret.
    const replay = await t.api.post('/api/v1/tokens', {
      token: metered.token,
      body,
      headers: { 'idempotency-key': 'metered-key' },
    });
    expect(replay.status).toBe(422);
    expect(replay.text).not.toContain(first.body.token);
    // Its own creation under a key replays to itself, and to no credential outside its count.
    const own = await t.api.post('/api/v1/tokens', {
      token: metered.token,
      body: { name: 'child', scopes: ['tokens:read'] },
      headers: { 'idempotency-key': 'child-key' },
    });
    expect(own.status).toBe(201);
    const again = await t.api.post('/api/v1/tokens', {
      token: metered.token,
      body: { name: 'child', scopes: ['tokens:read'] },
      headers: { 'idempotency-key': 'child-key' },
    });
    expect(again.status).toBe(201);
    expect(again.body.token).toBe(own.body.token);
    const bySession = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'child', scopes: ['tokens:read'] },
      headers: { 'idempotency-key': 'child-key' },
    });
    expect(bySession.status).toBe(422);
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
