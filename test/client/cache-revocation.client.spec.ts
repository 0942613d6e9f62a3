import { TesseraAuthError, TesseraClient } from '@tessera/client';
import { addMember, createOrg } from '../support/orgs.js';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';
import { waitFor } from '../support/time.js';

/**
 * The exact cache of `TesseraClient` against a real Tessera and its `GET /verify/events`: a
 * credential changed while cached is answered afresh within a second.
 */
describe("TesseraClient's cache against Tessera's event stream", () => {
  let t: AdminApp;
  let verifier: string;
  let client: TesseraClient;

  beforeAll(async () => {
    t = await startAdminApp();
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
    client = new TesseraClient({ baseUrl: t.baseUrl, token: verifier, cacheSeconds: 60 });
    await client.cacheReady();
  });
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  it('refuses a session logged out while cached within 1 s', async () => {
    const user = await newUser(t.api);
    expect((await client.verify(user.accessToken)).valid).toBe(true);
    const before = client.cacheStats().hits;
    expect(await client.verify(user.accessToken)).toMatchObject({ valid: true, userId: user.id });
    expect(client.cacheStats().hits).toBe(before + 1);

    const logout = await t.api.post('/api/v1/auth/logout', { token: user.accessToken });
    expect(logout.status).toBe(204);
    await waitFor(async () => !(await client.verify(user.accessToken)).valid, 1_000, 5);
    expect(await client.verify(user.accessToken)).toEqual({ valid: false, code: 'REVOKED' });
  });

  it("answers a user's new role in an organization within 1 s of the change", async () => {
    const owner = await newUser(t.api);
    const member = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    await addMember(org.id, member.id, 'member');
    const roleIn = async () => (await client.verify(member.accessToken)).orgs?.[0]?.role;
    expect(await roleIn()).toBe('member');
    const hits = client.cacheStats().hits;
    expect(await roleIn()).toBe('member');
    expect(client.cacheStats().hits).toBe(hits + 1);

    const promoted = await t.api.patch(`/api/v1/orgs/${org.id}/members/${member.id}`, {
      token: owner.accessToken,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    await waitFor(async () => (await roleIn()) === 'admin', 1_000, 5);
  });

  it('never caches an API token: every use reaches Tessera and is charged', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    const first = await client.verify(token.token);
    const second = await client.verify(token.token);
    expect(second.rateLimit!.remaining).toBe(first.rateLimit!.remaining - 1);
    await t.api.delete(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(await client.verify(token.token)).toMatchObject({ valid: false, code: 'REVOKED' });
  });

  it("stops serving cached answers when the service's own token is revoked", async () => {
    const own = await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] });
    const service = new TesseraClient({ baseUrl: t.baseUrl, token: own.token, cacheSeconds: 60 });
    try {
      await service.cacheReady();
      const user = await newUser(t.api);
      await service.verify(user.accessToken);
      expect((await service.verify(user.accessToken)).valid).toBe(true);
      expect(service.cacheStats().hits).toBe(1);

      await t.api.delete(`/api/v1/tokens/${own.id}`, { token: t.adminToken });
      // The stream ends; the cache is emptied and every verification asks, and is refused.
      await waitFor(
        async () =>
          (await service.verify(user.accessToken).catch((error: unknown) => error)) instanceof
          TesseraAuthError,
        1_000,
        5,
      );
      expect(service.cacheStats().entries).toBe(0);
    } finally {
      service.close();
    }
  });
});
