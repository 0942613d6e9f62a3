import { redisEnv, redisReachable } from '../support/redis.js';
import { writePolicyFile } from '../support/forward-auth-policy.js';
import { addMember, createOrg } from '../support/orgs.js';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';

const reachable = await redisReachable('test/e2e/org-membership-changes.e2e.spec.ts');

/** Two instances on one database and one Redis: a membership change on one, a request on the other. */
(reachable ? describe : describe.skip)('A membership change seen by every instance', () => {
  let a: TestApp;
  let b: TestApp;
  let policy: ReturnType<typeof writePolicyFile>;

  beforeAll(async () => {
    policy = writePolicyFile({
      scopes: [{ name: 'projects:read', description: 'Read projects' }],
      routes: [{ method: 'GET', path: '/orgs/{org}/projects/**', scopes: ['projects:read'] }],
    });
    const env = { ...redisEnv(), ...policy.env };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    policy.remove();
  });

  it("refuses a removed member on the other instance's next request, and admits a promoted one", async () => {
    const owner = await newUser(a.api);
    const member = await newUser(a.api);
    const org = await createOrg(a.api, owner);
    await addMember(org.id, member.id, 'member');
    const read = await createToken(a.api, member.accessToken, { scopes: ['projects:read'] });
    const ask = (t: TestApp) =>
      t.api.get('/api/v1/forward-auth', {
        token: read.token,
        headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': `/orgs/${org.slug}/projects/1` },
      });
    // B caches the member's memberships.
    expect((await ask(b)).status).toBe(200);
    expect((await ask(b)).headers.get('x-tessera-org-role')).toBe('member');
    const promoted = await a.api.patch(`/api/v1/orgs/${org.id}/members/${member.id}`, {
      token: owner.accessToken,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    expect((await ask(b)).headers.get('x-tessera-org-role')).toBe('admin');
    const removed = await a.api.delete(`/api/v1/orgs/${org.id}/members/${member.id}`, {
      token: owner.accessToken,
    });
    expect(removed.status).toBe(204);
    expect((await ask(b)).status).toBe(403);
  });
});
