import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';

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
