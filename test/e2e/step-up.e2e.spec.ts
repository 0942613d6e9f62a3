import { DataSource } from 'typeorm';
import { ageAuthTime, awayFromStepEdge, enableTotp, totpCode } from '../support/mfa.js';
import { PASSWORD, login, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';
import { addMember, createOrg } from '../support/orgs.js';

const STEP_UP = '/api/v1/auth/step-up';
const CHALLENGE =
  'Bearer realm="tessera", error="insufficient_user_authentication", error_description="A more recent authentication is required", max_age=600';

/** A session older than STEP_UP_SECONDS (600 by default). */
const STALE = 601;

describe('Step-up (RFC 9470)', () => {
  let t: AdminApp;
  let adminSessionId: string;

  beforeAll(async () => {
    // No session cache: a test moves auth_time in the table and the next request sees it.
    t = await startAdminApp({ SESSION_CACHE_TTL_SECONDS: '0' });
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: t.adminToken });
    adminSessionId = whoami.body.sessionId;
  });
  afterAll(() => t.close());

  async function staleUser() {
    const user = await newUser(t.api);
    await ageAuthTime(t, user.sessionId, STALE);
    return user;
  }

  it('a stale session may not change its password until it steps up', async () => {
    const user = await staleUser();
    const body = { currentPassword: PASSWORD, newPassword: 'a brand new password' };
    const refused = await t.api.post('/api/v1/auth/password', { token: user.accessToken, body });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(CHALLENGE);
    // The session itself stays valid.
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);

    const stepped = await t.api.post(STEP_UP, {
      token: user.accessToken,
      body: { password: PASSWORD },
    });
    expect(stepped.status).toBe(200);
    expect(Date.now() - Date.parse(stepped.body.authTime)).toBeLessThan(10_000);
    const changed = await t.api.post('/api/v1/auth/password', { token: user.accessToken, body });
    expect(changed.status).toBe(204);
  });

  it('a fresh login needs no step-up', async () => {
    const user = await newUser(t.api);
    const changed = await t.api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(changed.status).toBe(204);
  });

  it('refuses a wrong password, bad input and API tokens, and leaves auth_time alone', async () => {
    const user = await staleUser();
    const cases: [unknown, number][] = [
      [{ password: 'not it at all' }, 400],
      [{}, 400],
      [{ password: PASSWORD, code: '123456' }, 400],
      [{ code: '12345' }, 400],
      [{ password: 12345678 }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await t.api.post(STEP_UP, { token: user.accessToken, body });
      expect(res.status).toBe(status);
    }
    const refused = await t.api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(refused.status).toBe(401);
    const created = await t.api.post('/api/v1/tokens', {
      token: (await login(t.api, user.email)).body.accessToken,
      body: { name: 'ci', scopes: ['profile:read'] },
    });
    const viaToken = await t.api.post(STEP_UP, {
      token: created.body.token,
      body: { password: PASSWORD },
    });
    expect(viaToken.status).toBe(400);
  });

  it('with a second factor enrolled, only the factor steps up; a session from before TOTP stays valid', async () => {
    const user = await newUser(t.api);
    const { secret, recoveryCodes } = await enableTotp(t.api, user.accessToken);
    // The session opened with the password alone, before TOTP: still valid.
    await ageAuthTime(t, user.sessionId, STALE);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    expect((await t.api.delete('/api/v1/auth/mfa/totp', { token: user.accessToken })).status).toBe(
      401,
    );
    const byPassword = await t.api.post(STEP_UP, {
      token: user.accessToken,
      body: { password: PASSWORD },
    });
    expect(byPassword.status).toBe(400);
    expect(byPassword.body.message).toMatch(/second factor/);

    await awayFromStepEdge();
    const byCode = await t.api.post(STEP_UP, {
      token: user.accessToken,
      body: { code: totpCode(secret) },
    });
    expect(byCode.status).toBe(200);
    // The code is used up by the step-up.
    await ageAuthTime(t, user.sessionId, STALE);
    const replay = await t.api.post(STEP_UP, {
      token: user.accessToken,
      body: { code: totpCode(secret) },
    });
    expect(replay.status).toBe(400);
    const byRecovery = await t.api.post(STEP_UP, {
      token: user.accessToken,
      body: { recoveryCode: recoveryCodes[0] },
    });
    expect(byRecovery.status).toBe(200);
    expect((await t.api.delete('/api/v1/auth/mfa/totp', { token: user.accessToken })).status).toBe(
      204,
    );
  });

  it('guards the admin routes that change users or import tokens', async () => {
    const user = await newUser(t.api);
    await ageAuthTime(t, adminSessionId, STALE);
    const patch = await t.api.patch(`/api/v1/admin/users/${user.id}`, {
      token: t.adminToken,
      body: { disabled: true },
    });
    expect(patch.status).toBe(401);
    expect(patch.headers.get('www-authenticate')).toBe(CHALLENGE);
    const logoutAll = await t.api.post(`/api/v1/admin/users/${user.id}/logout-all`, {
      token: t.adminToken,
    });
    expect(logoutAll.status).toBe(401);
    const imported = await t.api.post('/api/v1/admin/tokens/import', {
      token: t.adminToken,
      body: {
        tokens: [
          {
            ownerId: user.id,
            name: 'old',
            plaintext: `legacy-${Date.now()}`,
            scopes: ['profile:read'],
          },
        ],
      },
    });
    expect(imported.status).toBe(401);
    const email = `made-${Date.now()}@example.com`;
    const created = await t.api.post('/api/v1/admin/users', {
      token: t.adminToken,
      body: { email },
    });
    expect(created.status).toBe(401);
    expect(created.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(
      (
        await t.api.get(`/api/v1/admin/users?email=${encodeURIComponent(email)}`, {
          token: t.adminToken,
        })
      ).body.items,
    ).toEqual([]);
    // Reading is not guarded, and nothing changed.
    const read = await t.api.get(`/api/v1/admin/users/${user.id}`, { token: t.adminToken });
    expect(read.status).toBe(200);
    expect(read.body.disabled).toBe(false);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);

    const stepped = await t.api.post(STEP_UP, {
      token: t.adminToken,
      body: { password: PASSWORD },
    });
    expect(stepped.status).toBe(200);
    expect(
      (
        await t.api.patch(`/api/v1/admin/users/${user.id}`, {
          token: t.adminToken,
          body: { disabled: true },
        })
      ).status,
    ).toBe(200);
  });

  it('creating or rotating a token with an admin-only scope needs step-up; other scopes do not', async () => {
    await t.api.post(STEP_UP, { token: t.adminToken, body: { password: PASSWORD } });
    const adminToken = await t.api.post('/api/v1/tokens', {
      token: t.adminToken,
      body: { name: `introspector-${Date.now()}`, scopes: ['tokens:introspect', 'tokens:write'] },
    });
    expect(adminToken.status).toBe(201);

    await ageAuthTime(t, adminSessionId, STALE);
    const plain = await t.api.post('/api/v1/tokens', {
      token: t.adminToken,
      body: { name: `plain-${Date.now()}`, scopes: ['profile:read'] },
    });
    expect(plain.status).toBe(201);
    const privileged = await t.api.post('/api/v1/tokens', {
      token: t.adminToken,
      body: { name: `admin-${Date.now()}`, scopes: ['admin'] },
    });
    expect(privileged.status).toBe(401);
    expect(privileged.headers.get('www-authenticate')).toBe(CHALLENGE);
    const rotate = await t.api.post(`/api/v1/tokens/${adminToken.body.id}/rotate`, {
      token: t.adminToken,
      body: {},
    });
    expect(rotate.status).toBe(401);
    const widen = await t.api.patch(`/api/v1/tokens/${plain.body.id}`, {
      token: t.adminToken,
      body: { scopes: ['profile:read', 'tokens:verify'] },
    });
    expect(widen.status).toBe(401);
    const rotatePlain = await t.api.post(`/api/v1/tokens/${plain.body.id}/rotate`, {
      token: t.adminToken,
      body: {},
    });
    expect(rotatePlain.status).toBe(201);

    // An API token is judged by its scopes alone.
    const byApiToken = await t.api.post(`/api/v1/tokens/${adminToken.body.id}/rotate`, {
      token: adminToken.body.token,
      body: {},
    });
    expect(byApiToken.status).toBe(201);
  });

  it('handing over an organization or deleting it needs step-up; other role changes do not', async () => {
    const owner = await newUser(t.api);
    const member = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    await addMember(org.id, member.id, 'member');
    await ageAuthTime(t, owner.sessionId, STALE);
    const memberPath = `/api/v1/orgs/${org.id}/members/${member.id}`;
    // member → admin is not an ownership change.
    const toAdmin = await t.api.patch(memberPath, {
      token: owner.accessToken,
      body: { role: 'admin' },
    });
    expect(toAdmin.status).toBe(200);
    const toOwner = await t.api.patch(memberPath, {
      token: owner.accessToken,
      body: { role: 'owner' },
    });
    expect(toOwner.status).toBe(401);
    expect(toOwner.headers.get('www-authenticate')).toBe(CHALLENGE);
    const deleted = await t.api.delete(`/api/v1/orgs/${org.id}`, { token: owner.accessToken });
    expect(deleted.status).toBe(401);
    // Nothing changed.
    const members = await t.api.get(`/api/v1/orgs/${org.id}/members`, { token: owner.accessToken });
    expect(members.body.items.find((m: { userId: string }) => m.userId === member.id).role).toBe(
      'admin',
    );

    expect(
      (await t.api.post(STEP_UP, { token: owner.accessToken, body: { password: PASSWORD } }))
        .status,
    ).toBe(200);
    expect(
      (await t.api.patch(memberPath, { token: owner.accessToken, body: { role: 'owner' } })).status,
    ).toBe(200);
    expect(
      (await t.api.delete(`/api/v1/orgs/${org.id}`, { token: owner.accessToken })).status,
    ).toBe(204);
  });

  it('inviting an owner or removing another owner needs step-up; inviting an admin or leaving does not', async () => {
    const owner = await newUser(t.api);
    const coOwner = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    await addMember(org.id, coOwner.id, 'owner');
    await ageAuthTime(t, owner.sessionId, STALE);
    await ageAuthTime(t, coOwner.sessionId, STALE);
    const invite = (role: string) =>
      t.api.post(`/api/v1/orgs/${org.id}/invitations`, {
        token: owner.accessToken,
        body: { email: `invited-${role}-${Date.now()}@example.com`, role },
      });
    // An invitation as owner makes an owner once accepted: the same proof as a promotion.
    const asOwner = await invite('owner');
    expect(asOwner.status).toBe(401);
    expect(asOwner.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect((await invite('admin')).status).toBe(201);
    // Removing another owner unmakes them as a demotion does.
    const removed = await t.api.delete(`/api/v1/orgs/${org.id}/members/${coOwner.id}`, {
      token: owner.accessToken,
    });
    expect(removed.status).toBe(401);
    expect(removed.headers.get('www-authenticate')).toBe(CHALLENGE);
    const members = await t.api.get(`/api/v1/orgs/${org.id}/members`, { token: owner.accessToken });
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toContain(coOwner.id);
    const pending = await t.api.get(`/api/v1/orgs/${org.id}/invitations`, {
      token: owner.accessToken,
    });
    expect(pending.body.items.map((i: { role: string }) => i.role)).toEqual(['admin']);
    // Leaving hands nothing over: a stale owner may leave while another owner stays.
    const left = await t.api.delete(`/api/v1/orgs/${org.id}/members/${coOwner.id}`, {
      token: coOwner.accessToken,
    });
    expect(left.status).toBe(204);

    expect(
      (await t.api.post(STEP_UP, { token: owner.accessToken, body: { password: PASSWORD } }))
        .status,
    ).toBe(200);
    expect((await invite('owner')).status).toBe(201);
  });

  it('step-up records an audit event and moves the session’s auth_time', async () => {
    const user = await staleUser();
    await t.api.post(STEP_UP, { token: user.accessToken, body: { password: PASSWORD } });
    const rows: { action: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT action FROM audit_events WHERE target_id = $1`, [user.sessionId]);
    expect(rows.map((r) => r.action)).toContain('session.stepped_up');
    const [{ age }]: { age: number }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT extract(epoch FROM now() - auth_time)::int AS age FROM sessions WHERE id = $1`,
        [user.sessionId],
      );
    expect(age).toBeLessThan(10);
  });
});

describe('Step-up with the session cache on', () => {
  it('a step-up reaches the cached session at once', async () => {
    const t = await startAdminApp({ SESSION_CACHE_TTL_SECONDS: '3600' });
    try {
      const user = await newUser(t.api);
      await ageAuthTime(t, user.sessionId, STALE);
      // A session not cached yet: loaded stale, and cached so.
      const body = { currentPassword: PASSWORD, newPassword: 'a brand new password' };
      expect(
        (await t.api.post('/api/v1/auth/password', { token: user.accessToken, body })).status,
      ).toBe(401);
      expect(
        (await t.api.post(STEP_UP, { token: user.accessToken, body: { password: PASSWORD } }))
          .status,
      ).toBe(200);
      expect(
        (await t.api.post('/api/v1/auth/password', { token: user.accessToken, body })).status,
      ).toBe(204);
    } finally {
      await t.close();
    }
  });
});
