import type pg from 'pg';
import {
  PASSWORD,
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

interface EventRow {
  action: string;
  actor_id: string | null;
  actor_via: string | null;
  target_type: string;
  target_id: string | null;
  owner_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

describe('Audit log of sessions and accounts', () => {
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = await sqlClient();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const eventsOf = async (ownerId: string) =>
    (
      await db.query<EventRow>(
        `SELECT action, actor_id, actor_via, target_type, target_id, owner_id, ip, details
         FROM audit_events WHERE owner_id = $1 ORDER BY occurred_at, action`,
        [ownerId],
      )
    ).rows;

  it('records registration, login and logout with actor, target and address', async () => {
    const user = await newUser(t.api, { 'x-device-id': 'laptop' });
    const logout = await t.api.post('/api/v1/auth/logout', { token: user.accessToken });
    expect(logout.status).toBe(204);

    expect(await eventsOf(user.id)).toEqual([
      expect.objectContaining({
        action: 'user.registered',
        actor_id: user.id,
        target_type: 'user',
        target_id: user.id,
        ip: '127.0.0.1',
      }),
      expect.objectContaining({
        action: 'session.created',
        actor_id: user.id,
        actor_via: 'password',
        target_type: 'session',
        target_id: user.sessionId,
        details: { deviceId: 'laptop' },
      }),
      expect.objectContaining({
        action: 'session.revoked',
        actor_id: user.id,
        actor_via: 'session',
        target_id: user.sessionId,
        ip: '127.0.0.1',
        details: { reason: 'logout' },
      }),
    ]);
  });

  it('records one revocation per session on logout-all, and a password change', async () => {
    const user = await newUser(t.api);
    const second = await t.api.post('/api/v1/auth/login', {
      body: { email: user.email, password: PASSWORD },
    });
    const changed = await t.api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'another long password' },
    });
    expect(changed.status).toBe(204);

    const events = await eventsOf(user.id);
    expect(events.filter((e) => e.action === 'session.revoked')).toEqual([
      expect.objectContaining({
        target_id: second.body.sessionId,
        details: { reason: 'password_changed' },
      }),
    ]);
    expect(events.filter((e) => e.action === 'user.password_changed')).toHaveLength(1);
  });

  it('writes nothing for a change that was refused', async () => {
    const user = await newUser(t.api);
    const before = await eventsOf(user.id);
    const refused = await t.api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: 'not the password', newPassword: 'another long password' },
    });
    expect(refused.status).toBe(400);
    expect(await eventsOf(user.id)).toEqual(before);
  });

  it('records reuse of a refresh token as such', async () => {
    const user = await newUser(t.api);
    await t.api.post('/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
    await db.query(
      `UPDATE refresh_tokens SET replaced_at = now() - interval '1 hour' WHERE session_id = $1 AND replaced_at IS NOT NULL`,
      [user.sessionId],
    );
    const reuse = await t.api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(reuse.status).toBe(401);
    expect((await eventsOf(user.id)).at(-1)).toEqual(
      expect.objectContaining({
        action: 'session.refresh_reuse',
        actor_id: null,
        actor_via: 'refresh_token',
        target_id: user.sessionId,
      }),
    );
  });
});

describe('Audit log of API tokens', () => {
  let t: TestApp;
  let db: pg.Client;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    db = await sqlClient();
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('records create, update, rotate and revoke with actor and address, and never a secret', async () => {
    const created = await createToken(t.api, user.accessToken);
    await t.api.request('PATCH', `/api/v1/tokens/${created.id}`, {
      token: user.accessToken,
      body: { name: 'renamed' },
    });
    const rotated = await t.api.post(`/api/v1/tokens/${created.id}/rotate`, {
      token: user.accessToken,
    });
    await t.api.delete(`/api/v1/tokens/${rotated.body.id}`, { token: user.accessToken });
    const { rows } = await db.query(
      `SELECT action, actor_id, actor_via, actor_credential_id, target_id, ip,
              details::text AS details
       FROM audit_events WHERE owner_id = $1 AND target_type = 'token' ORDER BY occurred_at, action`,
      [user.id],
    );
    expect(rows.map((row) => [row.action, row.target_id])).toEqual([
      ['token.created', created.id],
      ['token.updated', created.id],
      ['token.created', rotated.body.id],
      ['token.rotated', created.id],
      ['token.revoked', rotated.body.id],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_id: user.id,
        actor_via: 'session',
        actor_credential_id: user.sessionId,
        ip: '127.0.0.1',
      });
      expect(row.details).not.toContain(created.token.slice(4));
      expect(row.details).not.toContain(rotated.body.token.slice(4));
    }
  });
});
