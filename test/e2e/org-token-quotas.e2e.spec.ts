import { createOrg, type CreatedOrg } from '../support/orgs.js';
import {
  createToken,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

const DAY = 86_400_000;

/**
 * Quotas of an organization's API tokens: their own, set as for personal tokens, and the
 * default the organization's policy gives the tokens that set none.
 */
describe("Organizations' API token quotas", () => {
  let t: AdminApp;
  let owner: LoggedInUser;
  let org: CreatedOrg;
  let verifier: string;

  const tokens = () => `/api/v1/orgs/${org.id}/tokens`;
  async function orgToken(body: Record<string, unknown> = {}) {
    const created = await t.api.post(tokens(), {
      token: owner.accessToken,
      body: { name: `org token ${Math.random()}`, scopes: ['tokens:read'], ...body },
    });
    if (created.status !== 201) throw new Error(`org token create failed: ${created.text}`);
    return created.body as { id: string; token: string; [k: string]: unknown };
  }
  const use = (secret: string) => t.api.get('/api/v1/auth/whoami', { token: secret });
  const view = async (id: string) =>
    (await t.api.get(`${tokens()}/${id}`, { token: owner.accessToken })).body;
  const verify = (secret: string) =>
    t.api.post('/api/v1/verify', { token: verifier, body: { token: secret } }).then((r) => r.body);
  const setPolicy = (policy: Record<string, unknown>) =>
    t.api.patch(`/api/v1/orgs/${org.id}`, { token: owner.accessToken, body: { policy } });
  const nextMidnight = () => new Date(Math.floor(Date.now() / DAY) * DAY + DAY).toISOString();

  beforeAll(async () => {
    t = await startAdminApp({ USAGE_FLUSH_SECONDS: '60' });
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
  });
  beforeEach(async () => {
    owner = await newUser(t.api);
    org = await createOrg(t.api, owner);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes a quota on create and refuses the use past it with 429 and USAGE_EXCEEDED', async () => {
    const token = await orgToken({ quota: { limit: 2, period: 'day' } });
    expect(token.quota).toEqual({ limit: 2, period: 'day', remaining: 2, reset: nextMidnight() });
    expect((await use(token.token)).status).toBe(200);
    expect(await verify(token.token)).toMatchObject({
      valid: true,
      quota: { limit: 2, remaining: 0 },
    });
    const refused = await use(token.token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(await verify(token.token)).toMatchObject({ valid: false, code: 'USAGE_EXCEEDED' });
    expect((await view(token.id)).quota).toMatchObject({ limit: 2, remaining: 0 });
  });

  it('changes the quota with PATCH, shares it across a rotation, and refuses a bad one with 400', async () => {
    const token = await orgToken();
    expect((await use(token.token)).status).toBe(200);
    const patched = await t.api.patch(`${tokens()}/${token.id}`, {
      token: owner.accessToken,
      body: { quota: { limit: 3, period: 'month' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.quota).toMatchObject({ limit: 3, period: 'month' });
    for (const quota of [
      { limit: 0, period: 'day' },
      { limit: 3, period: 'Day' },
      { limit: 1.5, period: 'day' },
    ]) {
      const bad = await t.api.patch(`${tokens()}/${token.id}`, {
        token: owner.accessToken,
        body: { quota },
      });
      expect(bad.status).toBe(400);
    }
    expect((await view(token.id)).quota).toMatchObject({ limit: 3, period: 'month' });
    expect((await use(token.token)).status).toBe(200);

    const rotated = await t.api.post(`${tokens()}/${token.id}/rotate`, {
      token: owner.accessToken,
      body: { gracePeriodSeconds: 60 },
    });
    expect(rotated.status).toBe(201);
    // One quota for the lineage: a rotation does not start it over.
    expect((await use(rotated.body.token)).status).toBe(200);
    expect((await use(rotated.body.token)).status).toBe(429);
    expect((await use(token.token)).status).toBe(429);
    expect((await view(rotated.body.id)).quota).toMatchObject({ limit: 3, remaining: 0 });
  });

  it("applies the policy's quota to every org token without its own; a token's own quota wins", async () => {
    const plain = await orgToken();
    const own = await orgToken({ quota: { limit: 5, period: 'day' } });
    expect((await use(plain.token)).status).toBe(200);
    const set = await setPolicy({ quota: { limit: 2, period: 'day' } });
    expect(set.status).toBe(200);
    expect(set.body.policy).toEqual({ quota: { limit: 2, period: 'day' } });

    // A token made before the policy gets it at once (the earlier use counts), and so does a new one.
    expect((await use(plain.token)).status).toBe(200);
    expect((await use(plain.token)).status).toBe(429);
    expect(await verify(plain.token)).toMatchObject({
      valid: false,
      code: 'USAGE_EXCEEDED',
      quota: { limit: 2, remaining: 0 },
    });
    expect((await view(plain.id)).quota).toEqual({
      limit: 2,
      period: 'day',
      remaining: 0,
      reset: nextMidnight(),
    });
    const later = await orgToken();
    expect(later.quota).toEqual({ limit: 2, period: 'day', remaining: 2, reset: nextMidnight() });
    expect((await use(later.token)).status).toBe(200);
    expect((await use(later.token)).status).toBe(200);
    expect((await use(later.token)).status).toBe(429);

    // The token's own quota of 5 wins over the policy's 2.
    for (let i = 0; i < 5; i++) expect((await use(own.token)).status).toBe(200);
    expect((await use(own.token)).status).toBe(429);
    expect((await view(own.id)).quota).toMatchObject({ limit: 5, remaining: 0 });
    const listed = await t.api.get(tokens(), { token: owner.accessToken });
    const byId = new Map(listed.body.items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(plain.id)).toMatchObject({ quota: { limit: 2 } });
    expect(byId.get(own.id)).toMatchObject({ quota: { limit: 5 } });

    // Without its own quota any more, a token falls back to the policy's, in every answer.
    const dropped = await t.api.patch(`${tokens()}/${own.id}`, {
      token: owner.accessToken,
      body: { quota: null },
    });
    expect(dropped.body.quota).toMatchObject({ limit: 2, period: 'day', remaining: 0 });
    const rotated = await t.api.post(`${tokens()}/${later.id}/rotate`, {
      token: owner.accessToken,
      body: {},
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.quota).toMatchObject({ limit: 2, remaining: 0 });
    expect((await use(rotated.body.token)).status).toBe(429);

    // Clearing the policy lifts the default at once.
    expect((await setPolicy({})).status).toBe(200);
    expect((await use(plain.token)).status).toBe(200);
    expect((await view(plain.id)).quota).toBeUndefined();
  });

  it('refuses a bad quota in the policy with 400 and keeps the policy as it was', async () => {
    expect((await setPolicy({ quota: { limit: 4, period: 'day' } })).status).toBe(200);
    for (const quota of [
      { limit: 0, period: 'day' },
      { limit: -1, period: 'month' },
      { limit: 2.5, period: 'day' },
      { limit: 2 ** 31, period: 'total' },
      { limit: 4, period: 'Month' },
      { limit: 4 },
      7,
    ]) {
      const bad = await setPolicy({ quota });
      expect(bad.status).toBe(400);
      expect(bad.text).toMatch(/quota/);
    }
    const org_ = await t.api.get(`/api/v1/orgs/${org.id}`, { token: owner.accessToken });
    expect(org_.body.policy).toEqual({ quota: { limit: 4, period: 'day' } });
  });

  it("does not give a personal token its owner's organization's quota", async () => {
    expect((await setPolicy({ quota: { limit: 1, period: 'day' } })).status).toBe(200);
    const personal = await createToken(t.api, owner.accessToken);
    for (let i = 0; i < 3; i++) expect((await use(personal.token)).status).toBe(200);
  });
});
