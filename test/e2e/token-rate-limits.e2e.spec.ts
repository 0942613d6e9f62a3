import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';

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
