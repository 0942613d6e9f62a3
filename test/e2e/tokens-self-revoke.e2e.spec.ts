import type pg from 'pg';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { sqlPool } from '../support/database.js';

const REVOKE_CURRENT = '/api/v1/tokens/current/revoke';

/** POST /tokens/current/revoke: a token retires itself, whatever its scopes. */
describe('Self-revocation of an API token', () => {
  let receiver: WebhookReceiver;
  let t: TestApp;
  let db: pg.Pool;
  let user: LoggedInUser;
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    // A database of its own: an instance of another file with a WEBHOOK_URL would otherwise
    // claim this file's events from the shared outbox and send them to its own receiver.
    isolated = await isolatedDatabase();
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      DATABASE_URL: isolated.url,
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: 'whsec-test-' + 'a1B2c3'.repeat(6),
      WEBHOOK_POLL_SECONDS: '1',
    });
    db = sqlPool(2, isolated.url);
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    await receiver?.stop();
    await isolated?.drop();
  });

  it('revokes the calling token with only profile:read; the very next request is 401', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
    const other = await createToken(t.api, user.accessToken, { name: 'other' });
    expect((await t.api.get('/api/v1/auth/me', { token: token.token })).status).toBe(200);

    const res = await t.api.post(REVOKE_CURRENT, { token: token.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    const next = await t.api.get('/api/v1/auth/me', { token: token.token });
    expect(next.status).toBe(401);
    expect(next.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="invalid_token"',
    );
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(view.body.status).toBe('revoked');
    // Only itself: the owner's other token and session go on working.
    expect((await t.api.get('/api/v1/tokens/current', { token: other.token })).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
  });

  it('records the revocation as the token itself did it, with reason self, and sends the webhook', async () => {
    const token = await createToken(t.api, user.accessToken, { name: 'ci job' });
    const res = await t.api.post(REVOKE_CURRENT, {
      headers: { authorization: `Token ${token.token}`, 'user-agent': 'ci-script/1' },
    });
    expect(res.status).toBe(204);
    const { rows } = await db.query(
      `SELECT actor_id, actor_via, actor_credential_id, owner_id, user_agent, details
       FROM audit_events WHERE action = 'token.revoked' AND target_id = $1`,
      [token.id],
    );
    expect(rows).toEqual([
      {
        actor_id: user.id,
        actor_via: 'api_token',
        actor_credential_id: token.id,
        owner_id: user.id,
        user_agent: 'ci-script/1',
        details: { reason: 'self' },
      },
    ]);
    const [hook] = await receiver.waitFor(() => {
      const hooks = receiver
        .about({ tokenId: token.id })
        .filter((h) => h.body.type === 'token.revoked');
      return hooks.length > 0 && hooks;
    });
    expect(hook.body.data).toMatchObject({
      userId: user.id,
      reason: 'self',
      token: { id: token.id, name: 'ci job', status: 'revoked' },
    });
    expect(hook.raw).not.toContain(token.token);
  });

  it('refuses a session token with 400, as GET /tokens/current does, and changes nothing', async () => {
    const token = await createToken(t.api, user.accessToken, { name: 'bystander' });
    const res = await t.api.post(REVOKE_CURRENT, { token: user.accessToken });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'This request was made with a session token, not an API token',
    });
    const current = await t.api.get('/api/v1/tokens/current', { token: user.accessToken });
    expect(current.body).toEqual(res.body);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);
  });

  it('refuses no credential and a revoked one with 401', async () => {
    const missing = await t.api.post(REVOKE_CURRENT);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    const token = await createToken(t.api, user.accessToken, { name: 'twice' });
    expect((await t.api.post(REVOKE_CURRENT, { token: token.token })).status).toBe(204);
    expect((await t.api.post(REVOKE_CURRENT, { token: token.token })).status).toBe(401);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'token.revoked' AND target_id = $1`,
      [token.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('cuts short the grace period of a rotated token revoking itself', async () => {
    const old = await createToken(t.api, user.accessToken, {
      name: 'rotating',
      scopes: ['tokens:read', 'tokens:write'],
    });
    const rotated = await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 3600 },
    });
    expect(rotated.status).toBe(201);
    expect((await t.api.get('/api/v1/tokens/current', { token: old.token })).status).toBe(200);
    expect((await t.api.post(REVOKE_CURRENT, { token: old.token })).status).toBe(204);
    expect((await t.api.get('/api/v1/tokens/current', { token: old.token })).status).toBe(401);
    const successor = rotated.body.token as string;
    expect((await t.api.get('/api/v1/tokens/current', { token: successor })).status).toBe(200);
  });

  it('is documented in OpenAPI with 204 and 400', async () => {
    const doc = (await t.api.get('/docs-json')).body;
    const op = doc.paths[REVOKE_CURRENT].post;
    expect(op.operationId).toBe('revokeCurrentToken');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['204', '400', '401']));
  });
});
