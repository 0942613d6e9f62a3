import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

describe('PATCH /tokens/:id', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

  it('changes name, description and allowlist, and clears the description with null', async () => {
    const created = await createToken(t.api, user.accessToken, { description: 'old' });
    const patched = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
      token: user.accessToken,
      body: { name: 'renamed', allowedIps: ['2001:DB8::1/64'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'renamed',
      description: 'old',
      allowedIps: ['2001:db8::/64'],
    });
    const cleared = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
      token: user.accessToken,
      body: { description: null },
    });
    expect(cleared.body.description).toBeNull();
  });

  it.each([
    { name: null },
    { scopes: null },
    { scopes: [] },
    { allowedIps: ['nope'] },
    { token: 'x' },
  ])('refuses %j with 400', async (body) => {
    const created = await createToken(t.api, user.accessToken);
    const response = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
      token: user.accessToken,
      body,
    });
    expect(response.status).toBe(400);
  });

  it('refuses to change a revoked token with 409', async () => {
    const created = await createToken(t.api, user.accessToken);
    await t.api.delete(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
    const response = await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
      token: user.accessToken,
      body: { name: 'again' },
    });
    expect(response.status).toBe(409);
  });
});
