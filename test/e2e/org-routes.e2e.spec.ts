import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writePolicyFile } from '../support/forward-auth-policy.js';
import { addMember, createOrg, type CreatedOrg } from '../support/orgs.js';
import {
  createToken,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

/** The policy file of docs/organizations.md, "Forward auth with `{org}`", exactly. */
function documentedPolicy(): unknown {
  const page = readFileSync(
    fileURLToPath(new URL('../../docs/organizations.md', import.meta.url)),
    'utf8',
  );
  const section = page.slice(page.indexOf('## Forward auth with `{org}`'));
  const block = /```json\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no policy example in docs/organizations.md');
  return JSON.parse(block[1]);
}

describe("Organizations' routes through forward auth (the documented policy)", () => {
  let t: AdminApp;
  let policy: ReturnType<typeof writePolicyFile>;
  let owner: LoggedInUser;
  let member: LoggedInUser;
  let acme: CreatedOrg;
  let globex: CreatedOrg;
  let verifier: string;

  beforeAll(async () => {
    policy = writePolicyFile(documentedPolicy());
    t = await startAdminApp(policy.env);
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
  });
  beforeEach(async () => {
    owner = await newUser(t.api);
    member = await newUser(t.api);
    acme = await createOrg(t.api, owner);
    globex = await createOrg(t.api, await newUser(t.api));
    await addMember(acme.id, member.id, 'member');
  });
  afterAll(async () => {
    await t.close();
    policy.remove();
  });

  const ask = (token: string | undefined, method: string, uri: string) =>
    t.api.get('/api/v1/forward-auth', {
      token,
      headers: { 'x-forwarded-method': method, 'x-forwarded-uri': uri },
    });

  it("lets a member through to their organization's routes, by slug or id, with its headers", async () => {
    const read = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    for (const ref of [acme.slug, acme.slug.toUpperCase(), acme.id]) {
      const answer = await ask(read.token, 'GET', `/orgs/${ref}/projects/1`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-tessera-org-id')).toBe(acme.id);
      expect(answer.headers.get('x-tessera-org-role')).toBe('member');
      expect(answer.headers.get('x-tessera-user-id')).toBe(member.id);
    }
  });

  it("refuses one organization's credentials on another's routes (403)", async () => {
    const read = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    for (const ref of [globex.slug, globex.id, 'no-such-org']) {
      const answer = await ask(read.token, 'GET', `/orgs/${ref}/projects/1`);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-tessera-org-id')).toBeNull();
    }
    const orgToken = await t.api.post(`/api/v1/orgs/${acme.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'svc', scopes: ['projects:read'] },
    });
    expect(orgToken.status).toBe(201);
    const own = await ask(orgToken.body.token, 'GET', `/orgs/${acme.slug}/projects/1`);
    expect(own.status).toBe(200);
    expect(own.headers.get('x-tessera-org-id')).toBe(acme.id);
    expect(own.headers.get('x-tessera-org-role')).toBe('service');
    expect(own.headers.get('x-tessera-user-id')).toBeNull();
    expect((await ask(orgToken.body.token, 'GET', `/orgs/${globex.slug}/projects/1`)).status).toBe(
      403,
    );
  });

  it('needs the orgRole of the route: an admin reaches billing, a member does not', async () => {
    const scopes = ['billing:manage'];
    const memberToken = await createToken(t.api, member.accessToken, { scopes });
    expect((await ask(memberToken.token, 'POST', `/orgs/${acme.slug}/billing/x`)).status).toBe(403);
    await t.api.patch(`/api/v1/orgs/${acme.id}/members/${member.id}`, {
      token: owner.accessToken,
      body: { role: 'admin' },
    });
    const promoted = await ask(memberToken.token, 'POST', `/orgs/${acme.slug}/billing/x`);
    expect(promoted.status).toBe(200);
    expect(promoted.headers.get('x-tessera-org-role')).toBe('admin');
    // The scope is still needed: the org role adds to it.
    const noScope = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    expect((await ask(noScope.token, 'POST', `/orgs/${acme.slug}/billing/x`)).status).toBe(403);
  });

  it('refuses a removed member on the next request, and a deleted organization’s token', async () => {
    const read = await createToken(t.api, member.accessToken, { scopes: ['projects:read'] });
    expect((await ask(read.token, 'GET', `/orgs/${acme.slug}/projects/1`)).status).toBe(200);
    await t.api.delete(`/api/v1/orgs/${acme.id}/members/${member.id}`, {
      token: owner.accessToken,
    });
    expect((await ask(read.token, 'GET', `/orgs/${acme.slug}/projects/1`)).status).toBe(403);
    const orgToken = await t.api.post(`/api/v1/orgs/${acme.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'svc', scopes: ['projects:read'] },
    });
    expect((await ask(orgToken.body.token, 'GET', `/orgs/${acme.id}/projects/1`)).status).toBe(200);
    await t.api.delete(`/api/v1/orgs/${acme.id}`, { token: owner.accessToken });
    expect((await ask(orgToken.body.token, 'GET', `/orgs/${acme.id}/projects/1`)).status).toBe(401);
  });

  it('answers /verify with orgs for a user credential and orgId for an org token', async () => {
    const user = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: member.accessToken },
    });
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ valid: true, userId: member.id });
    expect(user.body.orgs).toEqual([{ id: acme.id, slug: acme.slug, role: 'member' }]);
    expect(user.body.orgId).toBeUndefined();
    const orgToken = await t.api.post(`/api/v1/orgs/${acme.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'svc', scopes: ['projects:read'] },
    });
    const org = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: orgToken.body.token },
    });
    expect(org.body).toMatchObject({
      valid: true,
      orgId: acme.id,
      orgSlug: acme.slug,
      role: 'service',
    });
    expect(org.body.userId).toBeUndefined();
    expect(org.body.orgs).toBeUndefined();
    await t.api.delete(`/api/v1/orgs/${acme.id}/members/${member.id}`, {
      token: owner.accessToken,
    });
    const after = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: member.accessToken },
    });
    // A user in no organization is told so, as the contract has it: an empty list.
    expect(after.body.orgs).toEqual([]);
  });
});
