import pg from 'pg';
import { addMember, createOrg } from '../support/orgs.js';
import {
  createToken,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

describe('Organizations over HTTP', () => {
  let t: AdminApp;
  let db: pg.Client;
  let owner: LoggedInUser;

  beforeAll(async () => {
    t = await startAdminApp();
    db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  beforeEach(async () => {
    owner = await newUser(t.api);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('POST /orgs', () => {
    it('creates an organization whose first owner is the caller', async () => {
      const created = await t.api.post('/api/v1/orgs', {
        token: owner.accessToken,
        body: { name: 'Acme Corp', slug: `acme-${Date.now()}` },
      });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(
        ['createdAt', 'id', 'name', 'policy', 'role', 'slug'].sort(),
      );
      expect(created.body).toMatchObject({ name: 'Acme Corp', role: 'owner', policy: {} });
      const members = await t.api.get(`/api/v1/orgs/${created.body.id}/members`, {
        token: owner.accessToken,
      });
      expect(members.status).toBe(200);
      expect(members.body.items).toEqual([
        expect.objectContaining({ userId: owner.id, email: owner.email, role: 'owner' }),
      ]);
    });

    it('derives the slug from the name when none is given, and a second one differs', async () => {
      const name = `Ünïcode & Co ${Date.now()}`;
      const first = await createOrg(t.api, owner, { name });
      const second = await createOrg(t.api, owner, { name });
      expect(first.slug).toMatch(/^unicode-co-\d+$/);
      expect(second.slug).toMatch(/^unicode-co-\d+-[0-9a-f]{6}$/);
    });

    it('refuses a slug in use, also in another case (409), and changes nothing', async () => {
      const slug = `taken-${Date.now()}`;
      await createOrg(t.api, owner, { slug });
      const before = await db.query('SELECT count(*)::int AS n FROM orgs');
      for (const clash of [slug, slug.toUpperCase()]) {
        const again = await t.api.post('/api/v1/orgs', {
          token: owner.accessToken,
          body: { name: 'Other', slug: clash },
        });
        expect(again.status).toBe(409);
        expect(again.body.message).toContain('in use');
      }
      expect((await db.query('SELECT count(*)::int AS n FROM orgs')).rows[0].n).toBe(
        before.rows[0].n,
      );
    });

    it('gives one 201 and 409s when several create the same slug at once', async () => {
      const slug = `race-${Date.now()}`;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.api.post('/api/v1/orgs', { token: owner.accessToken, body: { name: 'R', slug } }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });

    it.each([
      [{ name: 'x', slug: 'admin' }, 'reserved'],
      [{ name: 'x', slug: 'ab' }, 'slug'],
      [{ name: 'x', slug: 'has space' }, 'slug'],
      [{ name: 'x', slug: '0b6b2c9e-3f55-4c8e-9d7e-1a2b3c4d5e6f' }, 'shape of an id'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'blank'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'x', owner: 'me' }, 'owner'],
    ])('refuses %j with a 400 naming the problem', async (body, words) => {
      const answer = await t.api.post('/api/v1/orgs', { token: owner.accessToken, body });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body.message)).toContain(words);
    });
  });

  describe('reading', () => {
    it('lists the caller’s organizations with the caller’s role in each', async () => {
      const other = await newUser(t.api);
      const mine = await createOrg(t.api, owner);
      const theirs = await createOrg(t.api, other);
      await addMember(theirs.id, owner.id, 'member');
      await createOrg(t.api, other);
      const list = await t.api.get('/api/v1/orgs', { token: owner.accessToken });
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((o: { id: string; role: string }) => [o.id, o.role]).sort(),
      ).toEqual(
        [
          [mine.id, 'owner'],
          [theirs.id, 'member'],
        ].sort(),
      );
    });

    it('reads an organization by id or by slug in any case', async () => {
      const org = await createOrg(t.api, owner);
      for (const ref of [org.id, org.slug, org.slug.toUpperCase(), org.id.toUpperCase()]) {
        const read = await t.api.get(`/api/v1/orgs/${ref}`, { token: owner.accessToken });
        expect(read.status).toBe(200);
        expect(read.body.id).toBe(org.id);
      }
    });

    it('answers 404 to anyone outside, exactly as for an organization that does not exist', async () => {
      const org = await createOrg(t.api, owner);
      const outsider = await newUser(t.api);
      const outsiderToken = await createToken(t.api, outsider.accessToken, {
        scopes: ['tokens:read', 'tokens:write'],
      });
      const missing = await t.api.get('/api/v1/orgs/no-such-org-here', {
        token: outsider.accessToken,
      });
      expect(missing.status).toBe(404);
      const requests: [string, string, unknown?][] = [
        ['GET', `/api/v1/orgs/${org.id}`],
        ['GET', `/api/v1/orgs/${org.slug}`],
        ['PATCH', `/api/v1/orgs/${org.id}`, { name: 'Mine now' }],
        ['DELETE', `/api/v1/orgs/${org.id}`],
        ['GET', `/api/v1/orgs/${org.id}/members`],
        ['PATCH', `/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'member' }],
        ['DELETE', `/api/v1/orgs/${org.id}/members/${owner.id}`],
      ];
      for (const credential of [outsider.accessToken, outsiderToken.token, t.adminToken]) {
        for (const [method, path, body] of requests) {
          const answer = await t.api.request(method, path, { token: credential, body });
          expect([method, path, answer.status]).toEqual([method, path, 404]);
          expect(answer.body).toEqual({ ...missing.body });
        }
      }
      const read = await t.api.get(`/api/v1/orgs/${org.id}`, { token: owner.accessToken });
      expect(read.body.name).toBe(org.name);
      expect(
        (await db.query('SELECT count(*)::int AS n FROM org_members WHERE org_id = $1', [org.id]))
          .rows[0].n,
      ).toBe(1);
    });

    it('needs tokens:read of an API token', async () => {
      const org = await createOrg(t.api, owner);
      const weak = await createToken(t.api, owner.accessToken, { scopes: ['profile:read'] });
      const answer = await t.api.get(`/api/v1/orgs/${org.id}`, { token: weak.token });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('www-authenticate')).toContain('scope="tokens:read"');
    });
  });

  describe('PATCH /orgs/:org', () => {
    it('renames and replaces the policy whole for an admin, and records it with the org', async () => {
      const org = await createOrg(t.api, owner);
      const admin = await newUser(t.api);
      await addMember(org.id, admin.id, 'admin');
      const first = await t.api.patch(`/api/v1/orgs/${org.slug}`, {
        token: admin.accessToken,
        body: { name: 'Renamed', policy: { maxTokenDays: 30, allowedScopes: ['tokens:read'] } },
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        name: 'Renamed',
        role: 'admin',
        policy: { maxTokenDays: 30, allowedScopes: ['tokens:read'] },
      });
      const second = await t.api.patch(`/api/v1/orgs/${org.id}`, {
        token: admin.accessToken,
        body: { policy: { requireIpAllowlist: true } },
      });
      expect(second.body.policy).toEqual({ requireIpAllowlist: true });
      const cleared = await t.api.patch(`/api/v1/orgs/${org.id}`, {
        token: admin.accessToken,
        body: { policy: {} },
      });
      expect(cleared.body.policy).toEqual({});
      const { rows } = await db.query(
        `SELECT action, org_id, actor_id FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`,
        [org.id],
      );
      expect(rows.map((r) => r.action)).toEqual([
        'org.created',
        'org.updated',
        'org.updated',
        'org.updated',
      ]);
      expect(rows.every((r) => r.org_id === org.id)).toBe(true);
      expect(rows[1].actor_id).toBe(admin.id);
    });

    it('is refused to a plain member (403) and for an unknown scope in the policy (400)', async () => {
      const org = await createOrg(t.api, owner);
      const member = await newUser(t.api);
      await addMember(org.id, member.id, 'member');
      const refused = await t.api.patch(`/api/v1/orgs/${org.id}`, {
        token: member.accessToken,
        body: { name: 'Nope' },
      });
      expect(refused.status).toBe(403);
      const unknown = await t.api.patch(`/api/v1/orgs/${org.id}`, {
        token: owner.accessToken,
        body: { policy: { allowedScopes: ['nope:nope'] } },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('nope:nope');
      const read = await t.api.get(`/api/v1/orgs/${org.id}`, { token: owner.accessToken });
      expect(read.body).toMatchObject({ name: org.name, policy: {} });
    });
  });

  describe('members and roles', () => {
    it('lets an admin manage members up to admin, and only an owner manage owners', async () => {
      const org = await createOrg(t.api, owner);
      const [admin, member, coOwner] = await Promise.all([1, 2, 3].map(() => newUser(t.api)));
      await addMember(org.id, admin.id, 'admin');
      await addMember(org.id, member.id, 'member');
      await addMember(org.id, coOwner.id, 'owner');
      const path = (userId: string) => `/api/v1/orgs/${org.id}/members/${userId}`;

      const promoted = await t.api.patch(path(member.id), {
        token: admin.accessToken,
        body: { role: 'admin' },
      });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ userId: member.id, role: 'admin' });
      for (const [target, role] of [
        [member.id, 'owner'],
        [coOwner.id, 'member'],
      ] as const) {
        const refused = await t.api.patch(path(target), {
          token: admin.accessToken,
          body: { role },
        });
        expect(refused.status).toBe(403);
      }
      expect((await t.api.delete(path(coOwner.id), { token: admin.accessToken })).status).toBe(403);
      expect(
        (await t.api.patch(path(coOwner.id), { token: owner.accessToken, body: { role: 'admin' } }))
          .status,
      ).toBe(200);
      expect(
        (
          await t.api.patch(path(member.id), {
            token: member.accessToken,
            body: { role: 'member' },
          })
        ).status,
      ).toBe(200);
      const plain = await t.api.delete(path(admin.id), { token: member.accessToken });
      expect(plain.status).toBe(403);
    });

    it('protects the last owner from leaving and being demoted (409)', async () => {
      const org = await createOrg(t.api, owner);
      const path = `/api/v1/orgs/${org.id}/members/${owner.id}`;
      const demote = await t.api.patch(path, { token: owner.accessToken, body: { role: 'admin' } });
      expect(demote.status).toBe(409);
      expect(demote.body.message).toContain('last owner');
      const leave = await t.api.delete(path, { token: owner.accessToken });
      expect(leave.status).toBe(409);
      const members = await t.api.get(`/api/v1/orgs/${org.id}/members`, {
        token: owner.accessToken,
      });
      expect(members.body.items).toEqual([expect.objectContaining({ role: 'owner' })]);
    });

    it('keeps one owner when two owners demote each other at once', async () => {
      for (let round = 0; round < 5; round++) {
        const org = await createOrg(t.api, owner);
        const other = await newUser(t.api);
        await addMember(org.id, other.id, 'owner');
        const answers = await Promise.all([
          t.api.patch(`/api/v1/orgs/${org.id}/members/${other.id}`, {
            token: owner.accessToken,
            body: { role: 'member' },
          }),
          t.api.patch(`/api/v1/orgs/${org.id}/members/${owner.id}`, {
            token: other.accessToken,
            body: { role: 'member' },
          }),
        ]);
        const statuses = answers.map((a) => a.status).sort();
        expect(statuses[0]).toBe(200);
        expect([403, 409]).toContain(statuses[1]);
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM org_members WHERE org_id = $1 AND role = 'owner'`,
          [org.id],
        );
        expect(rows[0].n).toBe(1);
      }
    });

    it('keeps one owner when two owners leave at once', async () => {
      const org = await createOrg(t.api, owner);
      const other = await newUser(t.api);
      await addMember(org.id, other.id, 'owner');
      const answers = await Promise.all(
        [owner, other].map((who) =>
          t.api.delete(`/api/v1/orgs/${org.id}/members/${who.id}`, { token: who.accessToken }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
    });

    it('takes a removed member’s rights away on their next request', async () => {
      const org = await createOrg(t.api, owner);
      const member = await newUser(t.api);
      await addMember(org.id, member.id, 'admin');
      const token = await createToken(t.api, member.accessToken, { scopes: ['tokens:read'] });
      expect((await t.api.get(`/api/v1/orgs/${org.id}`, { token: token.token })).status).toBe(200);
      const removed = await t.api.delete(`/api/v1/orgs/${org.id}/members/${member.id}`, {
        token: owner.accessToken,
      });
      expect(removed.status).toBe(204);
      for (const credential of [member.accessToken, token.token]) {
        expect((await t.api.get(`/api/v1/orgs/${org.id}`, { token: credential })).status).toBe(404);
      }
      const mine = await t.api.get('/api/v1/orgs', { token: member.accessToken });
      expect(mine.body.items).toEqual([]);
      const { rows } = await db.query(
        `SELECT action, org_id, target_id FROM audit_events WHERE org_id = $1 AND action = 'org.member_removed'`,
        [org.id],
      );
      expect(rows).toEqual([
        { action: 'org.member_removed', org_id: org.id, target_id: member.id },
      ]);
    });

    it('lets a member leave, and answers 404 for a user who is not a member', async () => {
      const org = await createOrg(t.api, owner);
      const member = await newUser(t.api);
      await addMember(org.id, member.id, 'member');
      const stranger = await newUser(t.api);
      expect(
        (
          await t.api.delete(`/api/v1/orgs/${org.id}/members/${stranger.id}`, {
            token: owner.accessToken,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await t.api.delete(`/api/v1/orgs/${org.id}/members/${member.id}`, {
            token: member.accessToken,
          })
        ).status,
      ).toBe(204);
      expect(
        (await t.api.get(`/api/v1/orgs/${org.id}`, { token: member.accessToken })).status,
      ).toBe(404);
    });

    it.each([
      ['PATCH', 'not-a-uuid', { role: 'admin' }],
      ['PATCH', '00000000-0000-4000-8000-000000000000', { role: 'boss' }],
      ['PATCH', '00000000-0000-4000-8000-000000000000', {}],
      ['DELETE', 'not-a-uuid', undefined],
    ])('answers %s with bad input %s %j with a 400', async (method, userId, body) => {
      const org = await createOrg(t.api, owner);
      const answer = await t.api.request(method, `/api/v1/orgs/${org.id}/members/${userId}`, {
        token: owner.accessToken,
        body,
      });
      expect(answer.status).toBe(400);
    });
  });

  describe('DELETE /orgs/:org', () => {
    it('is for owners only; it ends every membership and frees the slug', async () => {
      const org = await createOrg(t.api, owner);
      const admin = await newUser(t.api);
      await addMember(org.id, admin.id, 'admin');
      expect(
        (await t.api.delete(`/api/v1/orgs/${org.id}`, { token: admin.accessToken })).status,
      ).toBe(403);
      expect(
        (await t.api.delete(`/api/v1/orgs/${org.id}`, { token: owner.accessToken })).status,
      ).toBe(204);
      for (const who of [owner, admin]) {
        expect((await t.api.get(`/api/v1/orgs/${org.id}`, { token: who.accessToken })).status).toBe(
          404,
        );
      }
      expect(
        (await db.query('SELECT * FROM org_members WHERE org_id = $1', [org.id])).rows,
      ).toEqual([]);
      const again = await createOrg(t.api, owner, { slug: org.slug });
      expect(again.id).not.toBe(org.id);
      expect(
        (await t.api.delete(`/api/v1/orgs/${org.id}`, { token: owner.accessToken })).status,
      ).toBe(404);
    });
  });

  describe('GET /admin/orgs', () => {
    it('lists every organization with its member count, for admins only', async () => {
      const org = await createOrg(t.api, owner);
      const member = await newUser(t.api);
      await addMember(org.id, member.id, 'member');
      const page = await t.api.get('/api/v1/admin/orgs?limit=100', { token: t.adminToken });
      expect(page.status).toBe(200);
      expect(page.body.items).toContainEqual(
        expect.objectContaining({ id: org.id, slug: org.slug, members: 2 }),
      );
      expect((await t.api.get('/api/v1/admin/orgs', { token: owner.accessToken })).status).toBe(
        403,
      );
    });
  });
});
