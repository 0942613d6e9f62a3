import pg from 'pg';
import { addMember, createOrg, type CreatedOrg } from '../support/orgs.js';
import {
  createToken,
  newUser,
  startAdminApp,
  startTestApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

describe("Organizations' API tokens over HTTP", () => {
  let t: AdminApp;
  let db: pg.Client;
  let owner: LoggedInUser;
  let org: CreatedOrg;
  const tokens = (ref = org.id) => `/api/v1/orgs/${ref}/tokens`;

  async function orgToken(body: Record<string, unknown> = {}, who = owner) {
    const created = await t.api.post(tokens(), {
      token: who.accessToken,
      body: { name: `org token ${Math.random()}`, scopes: ['tokens:read'], ...body },
    });
    if (created.status !== 201) throw new Error(`org token create failed: ${created.text}`);
    return created.body as { id: string; token: string; [k: string]: unknown };
  }

  beforeAll(async () => {
    t = await startAdminApp();
    db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  beforeEach(async () => {
    owner = await newUser(t.api);
    org = await createOrg(t.api, owner);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('makes a token that acts for the organization, not for a person', async () => {
    const created = await t.api.post(tokens(org.slug), {
      token: owner.accessToken,
      body: { name: 'CI', scopes: ['tokens:read', 'profile:read'], expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'CI',
      orgId: org.id,
      createdBy: owner.id,
      status: 'active',
      scopes: ['tokens:read', 'profile:read'],
    });
    expect(created.body.token).toMatch(/^tsr_[0-9A-Za-z]{40}$/);
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: created.body.token });
    expect(whoami.status).toBe(200);
    expect(whoami.body).toEqual({
      kind: 'api_token',
      orgId: org.id,
      role: 'service',
      scopes: ['tokens:read', 'profile:read'],
      tokenId: created.body.id,
    });
    const current = await t.api.get('/api/v1/tokens/current', { token: created.body.token });
    expect(current.body).toMatchObject({ id: created.body.id, orgId: org.id, createdBy: owner.id });
    const read = await t.api.get(`/api/v1/orgs/${org.id}`, { token: created.body.token });
    expect(read.status).toBe(200);
    const list = await t.api.get(tokens(), { token: created.body.token });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const { rows } = await db.query(
      `SELECT user_id, org_id, created_by FROM api_tokens WHERE id = $1`,
      [created.body.id],
    );
    expect(rows[0]).toEqual({ user_id: null, org_id: org.id, created_by: owner.id });
    const audit = await db.query(
      `SELECT org_id, actor_id FROM audit_events WHERE target_id = $1 AND action = 'token.created'`,
      [created.body.id],
    );
    expect(audit.rows).toEqual([{ org_id: org.id, actor_id: owner.id }]);
  });

  it('refuses personal routes to an organization token (403) and hides it from personal routes', async () => {
    const token = await orgToken({ scopes: ['tokens:read', 'tokens:write', 'profile:read'] });
    for (const [method, path, body] of [
      ['GET', '/api/v1/tokens', undefined],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: ['tokens:read'] }],
      ['GET', '/api/v1/auth/me', undefined],
      ['POST', '/api/v1/orgs', { name: 'x' }],
    ] as const) {
      const answer = await t.api.request(method, path, { token: token.token, body });
      expect([method, path, answer.status]).toEqual([method, path, 403]);
    }
    const asPersonal = await t.api.get(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
    expect(asPersonal.status).toBe(404);
    const personalList = await t.api.get('/api/v1/tokens', { token: owner.accessToken });
    expect(personalList.body.items).toEqual([]);
  });

  it('is made, changed, rotated and revoked by admins only; members read; outsiders get 404', async () => {
    const [admin, member, outsider] = await Promise.all([1, 2, 3].map(() => newUser(t.api)));
    await addMember(org.id, admin.id, 'admin');
    await addMember(org.id, member.id, 'member');
    const token = await orgToken({}, admin);
    const path = `${tokens()}/${token.id}`;
    expect((await t.api.get(path, { token: member.accessToken })).status).toBe(200);
    for (const [method, p, body] of [
      ['POST', tokens(), { name: 'm', scopes: ['tokens:read'] }],
      ['PATCH', path, { name: 'renamed' }],
      ['POST', `${path}/rotate`, {}],
      ['DELETE', path, undefined],
    ] as const) {
      const refused = await t.api.request(method, p, { token: member.accessToken, body });
      expect([method, p, refused.status]).toEqual([method, p, 403]);
    }
    // An organization's token reads its organization but manages nothing.
    const asToken = await t.api.patch(path, { token: token.token, body: { name: 'self' } });
    expect(asToken.status).toBe(403);
    const otherOrgToken = await (async () => {
      const other = await createOrg(t.api, outsider);
      const made = await t.api.post(`/api/v1/orgs/${other.id}/tokens`, {
        token: outsider.accessToken,
        body: { name: 'theirs', scopes: ['tokens:read', 'tokens:write'] },
      });
      return made.body.token as string;
    })();
    for (const credential of [outsider.accessToken, otherOrgToken, t.adminToken]) {
      for (const [method, p, body] of [
        ['GET', tokens(), undefined],
        ['GET', path, undefined],
        ['POST', tokens(), { name: 'x', scopes: ['tokens:read'] }],
        ['PATCH', path, { name: 'x' }],
        ['POST', `${path}/rotate`, {}],
        ['DELETE', path, undefined],
      ] as const) {
        const answer = await t.api.request(method, p, { token: credential, body });
        expect([method, p, answer.status]).toEqual([method, p, 404]);
      }
    }
    const still = await t.api.get(path, { token: owner.accessToken });
    expect(still.body).toMatchObject({ status: 'active', name: token.name });
    const patched = await t.api.patch(path, {
      token: admin.accessToken,
      body: { name: 'renamed' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'renamed', orgId: org.id });
  });

  it('answers 404 for a token of another organization named under this one', async () => {
    const other = await createOrg(t.api, owner);
    const theirs = await t.api.post(`/api/v1/orgs/${other.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'other', scopes: ['tokens:read'] },
    });
    const wrong = `${tokens()}/${theirs.body.id}`;
    expect((await t.api.get(wrong, { token: owner.accessToken })).status).toBe(404);
    expect((await t.api.delete(wrong, { token: owner.accessToken })).status).toBe(404);
    expect(
      (await t.api.post(`${wrong}/rotate`, { token: owner.accessToken, body: {} })).status,
    ).toBe(404);
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: theirs.body.token });
    expect(whoami.status).toBe(200);
  });

  it('keeps working when its creator leaves, is disabled and is deleted', async () => {
    const creator = await newUser(t.api);
    await addMember(org.id, creator.id, 'admin');
    const token = await orgToken({}, creator);
    const works = async () =>
      (await t.api.get('/api/v1/auth/whoami', { token: token.token })).status;
    expect(
      (
        await t.api.delete(`/api/v1/orgs/${org.id}/members/${creator.id}`, {
          token: creator.accessToken,
        })
      ).status,
    ).toBe(204);
    expect(await works()).toBe(200);
    const disabled = await t.api.patch(`/api/v1/admin/users/${creator.id}`, {
      token: t.adminToken,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(await works()).toBe(200);
    await db.query('DELETE FROM users WHERE id = $1', [creator.id]);
    expect(await works()).toBe(200);
    const view = await t.api.get(`${tokens()}/${token.id}`, { token: owner.accessToken });
    expect(view.body).toMatchObject({ status: 'active', createdBy: null, orgId: org.id });
  });

  it('grants no scope its creator could not grant', async () => {
    const narrow = await createToken(t.api, owner.accessToken, {
      scopes: ['tokens:read', 'tokens:write'],
    });
    const wider = await t.api.post(tokens(), {
      token: narrow.token,
      body: { name: 'wider', scopes: ['profile:read'] },
    });
    expect(wider.status).toBe(403);
    expect(wider.headers.get('www-authenticate')).toContain('scope="profile:read"');
    const adminOnly = await t.api.post(tokens(), {
      token: owner.accessToken,
      body: { name: 'admin-only', scopes: ['tokens:verify'] },
    });
    expect(adminOnly.status).toBe(403);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM api_tokens WHERE org_id = $1', [
      org.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('rotates with a grace period: both secrets work until it ends, then only the new one', async () => {
    const token = await orgToken({ expiresInDays: 10 });
    const rotated = await t.api.post(`${tokens()}/${token.id}/rotate`, {
      token: owner.accessToken,
      body: { gracePeriodSeconds: 1 },
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({
      rotatedFromId: token.id,
      orgId: org.id,
      name: token.name,
    });
    const whoami = (secret: string) => t.api.get('/api/v1/auth/whoami', { token: secret });
    expect((await whoami(token.token)).status).toBe(200);
    expect((await whoami(rotated.body.token)).body.orgId).toBe(org.id);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await whoami(token.token)).status).toBe(401);
    expect((await whoami(rotated.body.token)).status).toBe(200);
    const revoked = await t.api.delete(`${tokens()}/${rotated.body.id}`, {
      token: owner.accessToken,
    });
    expect(revoked.status).toBe(204);
    expect((await whoami(rotated.body.token)).status).toBe(401);
    const active = await t.api.get(tokens(), { token: owner.accessToken });
    expect(active.body.items).toEqual([]);
  });

  it('replays an idempotent create, and a key reused for another organization is a 422', async () => {
    const key = `key-${Date.now()}`;
    const body = { name: 'idem', scopes: ['tokens:read'] };
    const first = await t.api.post(tokens(), {
      token: owner.accessToken,
      body,
      headers: { 'idempotency-key': key },
    });
    const again = await t.api.post(tokens(), {
      token: owner.accessToken,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await createOrg(t.api, owner);
    const elsewhere = await t.api.post(`/api/v1/orgs/${other.id}/tokens`, {
      token: owner.accessToken,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(elsewhere.status).toBe(422);
  });

  it('refuses a token that breaks the policy with a 400 naming the rule', async () => {
    await t.api.patch(`/api/v1/orgs/${org.id}`, {
      token: owner.accessToken,
      body: {
        policy: { maxTokenDays: 30, requireIpAllowlist: true, allowedScopes: ['tokens:read'] },
      },
    });
    const cases: [Record<string, unknown>, string][] = [
      [
        { scopes: ['profile:read'], allowedIps: ['10.0.0.0/8'], expiresInDays: 10 },
        'allowedScopes',
      ],
      [{ scopes: ['tokens:read'], expiresInDays: 10 }, 'requireIpAllowlist'],
      [{ scopes: ['tokens:read'], allowedIps: ['10.0.0.0/8'] }, 'maxTokenDays'],
      [{ scopes: ['tokens:read'], allowedIps: ['10.0.0.0/8'], expiresInDays: 31 }, 'maxTokenDays'],
    ];
    for (const [body, rule] of cases) {
      const answer = await t.api.post(tokens(), {
        token: owner.accessToken,
        body: { name: 'p', ...body },
      });
      expect([rule, answer.status]).toEqual([rule, 400]);
      expect(answer.body.message).toContain(rule);
    }
    const ok = await t.api.post(tokens(), {
      token: owner.accessToken,
      body: { name: 'ok', scopes: ['tokens:read'], allowedIps: ['10.0.0.0/8'], expiresInDays: 30 },
    });
    expect(ok.status).toBe(201);
    const widen = await t.api.patch(`${tokens()}/${ok.body.id}`, {
      token: owner.accessToken,
      body: { allowedIps: [] },
    });
    expect(widen.status).toBe(400);
    expect(widen.body.message).toContain('requireIpAllowlist');
  });

  it('lists tokens made before a tightening as out of policy, and they keep working', async () => {
    const loose = await orgToken({ scopes: ['tokens:read', 'profile:read'] });
    const fine = await orgToken({ scopes: ['tokens:read'], expiresInDays: 5 });
    const none = await t.api.get(`${tokens()}?outOfPolicy=true`, { token: owner.accessToken });
    expect(none.body.items).toEqual([]);
    await t.api.patch(`/api/v1/orgs/${org.id}`, {
      token: owner.accessToken,
      body: { policy: { maxTokenDays: 10, allowedScopes: ['tokens:read'] } },
    });
    const out = await t.api.get(`${tokens()}?outOfPolicy=true`, { token: owner.accessToken });
    expect(out.status).toBe(200);
    expect(out.body.items.map((i: { id: string }) => i.id)).toEqual([loose.id]);
    const all = await t.api.get(tokens(), { token: owner.accessToken });
    expect(all.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [loose.id, fine.id].sort(),
    );
    expect((await t.api.get('/api/v1/auth/whoami', { token: loose.token })).status).toBe(200);
    // A rotation makes a new token: the policy as it is now applies.
    const rotate = await t.api.post(`${tokens()}/${loose.id}/rotate`, {
      token: owner.accessToken,
      body: {},
    });
    expect(rotate.status).toBe(400);
    expect(rotate.body.message).toContain('allowedScopes');
    expect((await t.api.get('/api/v1/auth/whoami', { token: loose.token })).status).toBe(200);
    const bad = await t.api.get(`${tokens()}?outOfPolicy=maybe`, { token: owner.accessToken });
    expect(bad.status).toBe(400);
  });

  it('revokes every org token when the organization is deleted', async () => {
    const a = await orgToken();
    const b = await orgToken();
    expect((await t.api.get('/api/v1/auth/whoami', { token: a.token })).status).toBe(200);
    expect(
      (await t.api.delete(`/api/v1/orgs/${org.id}`, { token: owner.accessToken })).status,
    ).toBe(204);
    for (const token of [a, b]) {
      const answer = await t.api.get('/api/v1/auth/whoami', { token: token.token });
      expect(answer.status).toBe(401);
    }
    const { rows } = await db.query(`SELECT revoke_reason FROM api_tokens WHERE org_id = $1`, [
      org.id,
    ]);
    expect(rows.map((r) => r.revoke_reason)).toEqual(['org_deleted', 'org_deleted']);
  });

  it('answers each request racing an org deletion either before it or refused after it', async () => {
    const token = await orgToken();
    let deletedAt = Infinity;
    const started: { at: number; status: Promise<number> }[] = [];
    const load = (async () => {
      while (Date.now() < deletedAt + 200) {
        const at = Date.now();
        const status = t.api
          .get('/api/v1/auth/whoami', { token: token.token })
          .then((a) => a.status);
        started.push({ at, status });
        await status;
      }
    })();
    const others = Array.from({ length: 4 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      while (Date.now() < deletedAt + 200) {
        const at = Date.now();
        const status = t.api
          .get('/api/v1/auth/whoami', { token: token.token })
          .then((a) => a.status);
        started.push({ at, status });
        await status;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const deleted = await t.api.delete(`/api/v1/orgs/${org.id}`, { token: owner.accessToken });
    deletedAt = Date.now();
    expect(deleted.status).toBe(204);
    await Promise.all([load, ...others]);
    const outcomes = await Promise.all(
      started.map(async ({ at, status }) => ({ after: at > deletedAt, status: await status })),
    );
    expect(
      outcomes.filter((o) => !o.after).every((o) => o.status === 200 || o.status === 401),
    ).toBe(true);
    const after = outcomes.filter((o) => o.after);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.status === 401)).toBe(true);
  });

  it('takes token management away from a removed admin on their next request', async () => {
    const admin = await newUser(t.api);
    await addMember(org.id, admin.id, 'admin');
    const token = await orgToken({}, admin);
    await t.api.delete(`/api/v1/orgs/${org.id}/members/${admin.id}`, { token: owner.accessToken });
    const refused = await t.api.delete(`${tokens()}/${token.id}`, { token: admin.accessToken });
    expect(refused.status).toBe(404);
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(200);
  });

  it('answers bad input with a 400 and changes nothing', async () => {
    for (const [method, path, body] of [
      ['POST', tokens(), { name: 'x' }],
      ['POST', tokens(), { name: 'x', scopes: ['nope:nope'] }],
      ['POST', tokens(), { name: 'x', scopes: ['tokens:read'], orgId: org.id }],
      ['GET', `${tokens()}/not-a-uuid`, undefined],
      ['GET', '/api/v1/orgs/a%20b/tokens', undefined],
    ] as const) {
      const answer = await t.api.request(method, path, { token: owner.accessToken, body });
      expect([method, path, answer.status]).toEqual([method, path, 400]);
    }
    const { rows } = await db.query('SELECT count(*)::int AS n FROM api_tokens WHERE org_id = $1', [
      org.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});

describe('MAX_TOKENS_PER_ORG', () => {
  it('caps active org tokens, also under concurrent creates', async () => {
    const t = await startTestApp({ MAX_TOKENS_PER_ORG: '3' });
    try {
      const owner = await newUser(t.api);
      const admin = await newUser(t.api);
      const org = await createOrg(t.api, owner);
      await addMember(org.id, admin.id, 'admin');
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.api.post(`/api/v1/orgs/${org.id}/tokens`, {
            token: (i % 2 ? owner : admin).accessToken,
            body: { name: `t${i}`, scopes: ['tokens:read'] },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
      expect(answers.find((a) => a.status === 409)!.body.message).toContain('(3)');
      // Personal tokens are counted apart.
      expect((await createToken(t.api, owner.accessToken)).id).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
