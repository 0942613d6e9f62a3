import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { sleep } from '../support/time.js';

describe('POST /tokens/:id/rotate', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

  const current = (token: string, headers: Record<string, string> = {}) =>
    t.api.get('/api/v1/tokens/current', { token, headers });

  it('without grace: the old secret stops at once, the new one works with the same settings', async () => {
    const old = await createToken(t.api, user.accessToken, {
      name: 'deploy',
      description: 'ci',
      scopes: ['tokens:read', 'profile:read'],
      allowedIps: ['127.0.0.1'],
      expiresInDays: 10,
    });
    expect((await current(old.token)).status).toBe(200);
    await t.api.request('PATCH', `/api/v1/tokens/${old.id}`, {
      token: user.accessToken,
      body: { name: 'deploy' },
    });
    const rotated = await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: user.accessToken,
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({
      rotatedFromId: old.id,
      name: 'deploy',
      description: 'ci',
      scopes: ['tokens:read', 'profile:read'],
      allowedIps: ['127.0.0.1'],
      status: 'active',
    });
    expect(rotated.body.token).toMatch(/^tsr_/);
    expect(rotated.body.token).not.toBe(old.token);
    expect(rotated.body.id).not.toBe(old.id);
    // Same expiry policy: ten days from the rotation.
    const days = (Date.parse(rotated.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(9.99);

    expect((await current(old.token)).status).toBe(401);
    expect((await current(rotated.body.token)).body.id).toBe(rotated.body.id);
    const oldView = await t.api.get(`/api/v1/tokens/${old.id}`, { token: user.accessToken });
    expect(oldView.body.status).toBe('revoked');
  });

  it('with grace: the old secret works until the grace period ends', async () => {
    const old = await createToken(t.api, user.accessToken);
    const rotated = await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 2 },
    });
    expect(rotated.status).toBe(201);
    expect((await current(old.token)).status).toBe(200);
    expect((await current(rotated.body.token)).status).toBe(200);
    const during = await t.api.get(`/api/v1/tokens/${old.id}`, { token: user.accessToken });
    expect(during.body.status).toBe('active');
    expect(Date.parse(during.body.revokedAt)).toBeGreaterThan(Date.now());
    // Rotated already: a second rotation of the old token is refused.
    const again = await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: user.accessToken,
    });
    expect(again.status).toBe(409);
    await sleep(2100);
    expect((await current(old.token)).status).toBe(401);
    expect((await current(rotated.body.token)).status).toBe(200);
  });

  it('revoking a token in its grace period stops it at once', async () => {
    const old = await createToken(t.api, user.accessToken);
    await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 3600 },
    });
    expect((await current(old.token)).status).toBe(200);
    await t.api.delete(`/api/v1/tokens/${old.id}`, { token: user.accessToken });
    expect((await current(old.token)).status).toBe(401);
  });

  it('refuses revoked and expired tokens with 409', async () => {
    const revoked = await createToken(t.api, user.accessToken);
    await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
    const expired = await createToken(t.api, user.accessToken, {
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    });
    await sleep(1600);
    for (const id of [revoked.id, expired.id]) {
      const response = await t.api.post(`/api/v1/tokens/${id}/rotate`, {
        token: user.accessToken,
      });
      expect(response.status).toBe(409);
    }
  });

  it.each([
    { gracePeriodSeconds: -1 },
    { gracePeriodSeconds: 604801 },
    { gracePeriodSeconds: '5' },
  ])('refuses %j with 400', async (body) => {
    const created = await createToken(t.api, user.accessToken);
    const response = await t.api.post(`/api/v1/tokens/${created.id}/rotate`, {
      token: user.accessToken,
      body,
    });
    expect(response.status).toBe(400);
    expect((await current(created.token)).status).toBe(200);
  });

  it('lets exactly one of several concurrent rotations win', async () => {
    const old = await createToken(t.api, user.accessToken);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
          token: user.accessToken,
          body: { gracePeriodSeconds: 60 },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const all = await t.api.get('/api/v1/tokens?status=all', { token: user.accessToken });
    expect(all.body.items).toHaveLength(2);
  });
});
