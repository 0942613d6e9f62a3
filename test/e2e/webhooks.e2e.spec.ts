import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { UnitOfWork } from '../../src/database/unit-of-work.js';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.js';
import { TokenRevocationService } from '../../src/tokens/token-revocation.service.js';
import { WebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.js';
import { ExpiryNoticeService } from '../../src/tokens/expiry-notice.service.js';
import { WebhooksService } from '../../src/webhooks/webhooks.service.js';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver.js';
import { sleep } from '../support/time.js';
import { sqlClient } from '../support/database.js';
import { createOrg } from '../support/orgs.js';

const SECRET = 'whsec-test-' + 'a1B2c3'.repeat(6);

interface OutboxRow {
  id: string;
  event_type: string;
  payload: any;
  attempts: number;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
}

describe('Lifecycle webhooks', () => {
  let receiver: WebhookReceiver;
  let db: pg.Client;
  // A database of this file's own: other files' instances send webhooks too (to their own
  // receivers, with their own retry settings), and would deliver or retry this file's events.
  let isolated: IsolatedDatabase;
  const apps: TestApp[] = [];

  /** An instance sending to the receiver, with retries fast enough for a test. */
  async function start(env: Record<string, string> = {}): Promise<TestApp> {
    const t = await startTestApp({
      DATABASE_URL: isolated.url,
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_RETRY_BASE_SECONDS: '1',
      WEBHOOK_POLL_SECONDS: '1',
      WEBHOOK_TIMEOUT_SECONDS: '2',
      ...env,
    });
    let closed: Promise<void> | undefined;
    const instance = { ...t, close: () => (closed ??= t.close()) };
    apps.push(instance);
    return instance;
  }

  async function rows(where: string, params: unknown[]): Promise<OutboxRow[]> {
    return (
      await db.query(`SELECT * FROM webhook_outbox WHERE ${where} ORDER BY created_at`, params)
    ).rows;
  }
  const rowsOfToken = (tokenId: string) => rows(`payload->'data'->'token'->>'id' = $1`, [tokenId]);
  const rowsOfUser = (userId: string) => rows(`payload->'data'->>'userId' = $1`, [userId]);

  async function waitForRow(
    check: (row: OutboxRow) => boolean,
    tokenId: string,
    timeoutMs = 10_000,
  ): Promise<OutboxRow> {
    return receiver.waitFor(async () => (await rowsOfToken(tokenId)).find(check), timeoutMs);
  }

  /** Checked with node:crypto here, not with the service's own code. */
  function expectSignedEvent(hook: ReceivedWebhook, secrets: string[] = []): void {
    const signature = String(hook.headers['tessera-signature']);
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
    expect(match).not.toBeNull();
    const [, t, v1] = match!;
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${hook.raw}`).digest('hex'));
    expect(
      createHmac('sha256', 'another secret').update(`${t}.${hook.raw}`).digest('hex'),
    ).not.toBe(v1);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.headers['tessera-event-id']).toBe(hook.body.id);
    expect(hook.headers['tessera-event-type']).toBe(hook.body.type);
    expect(Object.keys(hook.body)).toEqual(['id', 'type', 'createdAt', 'data']);
    expect(hook.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(hook.body.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(hook.raw).not.toContain(SECRET);
    expect(hook.raw).not.toMatch(/tokenHash|token_hash/);
    for (const secret of secrets) {
      expect(hook.raw).not.toContain(secret.slice(8));
      expect(hook.raw).not.toContain(createHash('sha256').update(secret).digest('hex'));
      expect(hook.raw).not.toContain(createHash('sha256').update(secret).digest('base64'));
    }
  }

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    isolated = await isolatedDatabase();
    db = await sqlClient(isolated.url);
  });
  beforeEach(async () => {
    // Only this file's instances use its database: none is running between its tests.
    await db.query('DELETE FROM webhook_outbox');
    receiver.received.length = 0;
    receiver.arrived = 0;
    receiver.status = 204;
    receiver.delayMs = 0;
    await receiver.listen();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
  });
  afterAll(async () => {
    await receiver.stop();
    await db.end();
    await isolated.drop();
  });

  it('sends one signed event for a create, a rotate and a revoke, and none for a repeated revoke', async () => {
    // No poll in the test's time: each event goes out because its change committed.
    const t = await start({ WEBHOOK_POLL_SECONDS: '3600' });
    const user = await newUser(t.api);
    const created = await createToken(t.api, user.accessToken, { expiresInDays: 30 });
    const [createdHook] = await receiver.waitFor(() => {
      const hooks = receiver.about({ tokenId: created.id });
      return hooks.length > 0 && hooks;
    });
    expectSignedEvent(createdHook, [created.token]);
    expect(createdHook.body).toMatchObject({
      type: 'token.created',
      data: {
        userId: user.id,
        token: {
          id: created.id,
          name: created.name,
          prefix: created.token.slice(0, 8),
          scopes: ['tokens:read'],
          status: 'active',
          expiresAt: created.expiresAt,
        },
      },
    });
    expect(createdHook.body.data.token.token).toBeUndefined();

    const rotated = await t.api.post(`/api/v1/tokens/${created.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 60 },
    });
    expect(rotated.status).toBe(201);
    const [rotatedHook] = await receiver.waitFor(() => {
      const hooks = receiver.about({ tokenId: rotated.body.id });
      return hooks.length > 0 && hooks;
    });
    expectSignedEvent(rotatedHook, [created.token, rotated.body.token]);
    expect(rotatedHook.body).toMatchObject({
      type: 'token.rotated',
      data: {
        userId: user.id,
        previousTokenId: created.id,
        gracePeriodSeconds: 60,
        token: { id: rotated.body.id, status: 'active' },
      },
    });

    for (let i = 0; i < 2; i++) {
      const revoked = await t.api.delete(`/api/v1/tokens/${rotated.body.id}`, {
        token: user.accessToken,
      });
      expect(revoked.status).toBe(204);
    }
    const revokedHook = await receiver.waitFor(() =>
      receiver.accepted().find((hook) => hook.body.type === 'token.revoked'),
    );
    expectSignedEvent(revokedHook, [rotated.body.token]);
    expect(revokedHook.body).toMatchObject({
      type: 'token.revoked',
      data: {
        userId: user.id,
        reason: 'revoked',
        token: { id: rotated.body.id, status: 'revoked' },
      },
    });

    // Longer than a poll: a second revoke event would have been sent by now.
    await sleep(1500);
    expect(receiver.about({ userId: user.id }).map((hook) => hook.body.type)).toEqual([
      'token.created',
      'token.rotated',
      'token.revoked',
    ]);
    const outbox = await rowsOfUser(user.id);
    expect(outbox).toHaveLength(3);
    for (const row of outbox) {
      expect(row).toMatchObject({
        attempts: 1,
        next_attempt_at: null,
        failed_at: null,
        last_error: null,
      });
      expect(row.delivered_at).toBeInstanceOf(Date);
    }
  });

  it("reports an admin's revoke of any user's token", async () => {
    const t = await start();
    const user = await newUser(t.api);
    const created = await createToken(t.api, user.accessToken);
    await t.app.get(TokenRevocationService).revoke(null, created.id, SYSTEM_ACTOR, 'admin');
    const hook = await receiver.waitFor(() =>
      receiver.accepted().find((h) => h.body.type === 'token.revoked'),
    );
    expectSignedEvent(hook, [created.token]);
    expect(hook.body.data).toMatchObject({
      userId: user.id,
      reason: 'admin',
      token: { id: created.id, status: 'revoked' },
    });
  });

  it("carries the organization's id, and no user's, in every event of an org token", async () => {
    const t = await start();
    const owner = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    const base = `/api/v1/orgs/${org.id}/tokens`;
    const created = await t.api.post(base, {
      token: owner.accessToken,
      body: { name: 'org hook', scopes: ['tokens:read'], expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    const rotated = await t.api.post(`${base}/${created.body.id}/rotate`, {
      token: owner.accessToken,
      body: { gracePeriodSeconds: 0 },
    });
    expect(rotated.status).toBe(201);
    expect(
      (await t.api.delete(`${base}/${rotated.body.id}`, { token: owner.accessToken })).status,
    ).toBe(204);

    const hooks = await receiver.waitFor(() => {
      const found = receiver.accepted().filter((h) => h.body.data.orgId === org.id);
      return found.length === 3 && found;
    });
    expect(hooks.map((h) => h.body.type).sort()).toEqual([
      'token.created',
      'token.revoked',
      'token.rotated',
    ]);
    for (const hook of hooks) {
      expectSignedEvent(hook, [created.body.token, rotated.body.token]);
      expect(hook.body.data.orgId).toBe(org.id);
      expect(hook.body.data).not.toHaveProperty('userId');
      expect(hook.body.data.token).toMatchObject({ orgId: org.id, createdBy: owner.id });
    }
    // Nothing about the org token names its maker as its owner.
    expect(receiver.about({ userId: owner.id })).toEqual([]);
  });

  it('keeps an event while nothing listens at the receiver, and delivers it once it is back', async () => {
    const t = await start();
    const user = await newUser(t.api);
    await receiver.stop();
    const created = await createToken(t.api, user.accessToken);

    const failed = await waitForRow(
      (row) => row.attempts >= 1 && row.last_error !== null,
      created.id,
    );
    expect(failed).toMatchObject({
      last_error: 'ECONNREFUSED',
      delivered_at: null,
      failed_at: null,
    });
    expect(failed.next_attempt_at!.getTime()).toBeGreaterThan(Date.now() - 1000);

    await receiver.listen();
    const [hook] = await receiver.waitFor(() => {
      const hooks = receiver.about({ tokenId: created.id });
      return hooks.length > 0 && hooks;
    }, 15_000);
    expectSignedEvent(hook, [created.token]);
    const [row] = await rowsOfToken(created.id);
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(hook.headers['tessera-delivery-attempt']).toBe(String(row.attempts));
    expect(row.id).toBe(hook.body.id);
    await receiver.waitFor(async () => (await rowsOfToken(created.id))[0].delivered_at);
    expect((await rowsOfToken(created.id))[0]).toMatchObject({
      last_error: null,
      next_attempt_at: null,
    });
  });

  it('retries an event the receiver answered with 500, or did not answer in time, with the same id', async () => {
    const t = await start({ WEBHOOK_TIMEOUT_SECONDS: '1' });
    const user = await newUser(t.api);
    receiver.status = 500;
    const created = await createToken(t.api, user.accessToken);
    const first = await waitForRow((row) => row.last_error !== null, created.id);
    expect(first.last_error).toBe('HTTP 500');

    receiver.status = 204;
    receiver.delayMs = Infinity;
    await waitForRow((row) => row.last_error === 'no answer within 1 s', created.id);

    receiver.delayMs = 0;
    await receiver.waitFor(() => receiver.accepted().length > 0, 15_000);
    const [row] = await rowsOfToken(created.id);
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(new Set(receiver.received.map((hook) => hook.body.id))).toEqual(new Set([row.id]));
    expect(receiver.accepted()).toHaveLength(1);
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS and keeps the event as failed', async () => {
    const t = await start({ WEBHOOK_MAX_ATTEMPTS: '2' });
    const user = await newUser(t.api);
    receiver.status = 500;
    const created = await createToken(t.api, user.accessToken);
    const row = await waitForRow((r) => r.failed_at !== null, created.id, 15_000);
    expect(row).toMatchObject({
      attempts: 2,
      next_attempt_at: null,
      delivered_at: null,
      last_error: 'HTTP 500',
    });
    await sleep(2500);
    expect(receiver.arrived).toBe(2);
  });

  it('records nothing for a create refused at the token limit', async () => {
    const t = await start({ MAX_TOKENS_PER_USER: '1' });
    const user = await newUser(t.api);
    await createToken(t.api, user.accessToken);
    const refused = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'one too many', scopes: ['tokens:read'] },
    });
    expect(refused.status).toBe(409);
    await receiver.waitFor(() => receiver.about({ userId: user.id }).length > 0);
    await sleep(1500);
    expect((await rowsOfUser(user.id)).map((row) => row.event_type)).toEqual(['token.created']);
    expect(receiver.about({ userId: user.id })).toHaveLength(1);
  });

  it('records events with the transaction they are given: nothing if it rolls back', async () => {
    const t = await start();
    const id = randomUUID();
    const event = {
      payload: {
        id,
        type: 'token.created' as const,
        createdAt: new Date().toISOString(),
        data: { token: { id: randomUUID() }, userId: randomUUID() },
      },
    };
    await expect(
      t.app.get(UnitOfWork).run(async (tx) => {
        expect(await t.app.get(WebhooksService).enqueue([event], tx)).toBe(1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sleep(1500);
    expect((await db.query('SELECT 1 FROM webhook_outbox WHERE id = $1', [id])).rowCount).toBe(0);
    expect(receiver.arrived).toBe(0);
  });

  it('records nothing at all without WEBHOOK_URL', async () => {
    const t = await startTestApp({ DATABASE_URL: isolated.url });
    apps.push(t);
    const user = await newUser(t.api);
    const created = await createToken(t.api, user.accessToken, { expiresInDays: 1 });
    const rotated = await t.api.post(`/api/v1/tokens/${created.id}/rotate`, {
      token: user.accessToken,
    });
    expect(rotated.status).toBe(201);
    expect(
      (await t.api.delete(`/api/v1/tokens/${rotated.body.id}`, { token: user.accessToken })).status,
    ).toBe(204);
    expect(t.app.get(WebhooksService).enabled).toBe(false);
    expect(await t.app.get(ExpiryNoticeService).run()).toEqual({ events: 0 });
    expect(await rowsOfUser(user.id)).toEqual([]);
    expect(receiver.arrived).toBe(0);
  });

  it('purges delivered and given-up events finished before the cutoff, a bounded batch at a time, never pending ones', async () => {
    const t = await startTestApp({ DATABASE_URL: isolated.url });
    apps.push(t);
    const insert = (finished: string, pending = false) =>
      db.query(
        `INSERT INTO webhook_outbox
           (id, event_type, payload, created_at, attempts, next_attempt_at, delivered_at, failed_at)
         SELECT gen_random_uuid(), 'token.created', '{}'::jsonb, now() - interval '10 days', 1,
                CASE WHEN $2 THEN now() + interval '1 hour' END,
                CASE WHEN NOT $2 AND i % 2 = 0 THEN now() - $1::interval END,
                CASE WHEN NOT $2 AND i % 2 = 1 THEN now() - $1::interval END
         FROM generate_series(1, $3) i RETURNING id`,
        [finished, pending, pending ? 1 : 5],
      );
    await insert('9 days');
    const pendingId = (await insert('0 days', true)).rows[0].id;
    await insert('1 hour');
    const webhooks = t.app.get(WebhooksService);
    const cutoff = new Date(Date.now() - 7 * 86_400_000);

    expect(await webhooks.deleteFinishedBefore(cutoff, 3, true)).toBe(3);
    expect((await db.query('SELECT id FROM webhook_outbox')).rowCount).toBe(11);
    expect(await webhooks.deleteFinishedBefore(cutoff, 3, false)).toBe(3);
    expect(await webhooks.deleteFinishedBefore(cutoff, 3, false)).toBe(2);
    expect(await webhooks.deleteFinishedBefore(cutoff, 3, false)).toBe(0);
    const left = await db.query('SELECT id, next_attempt_at FROM webhook_outbox');
    expect(left.rowCount).toBe(6);
    expect(left.rows.map((row) => row.id)).toContain(pendingId);
  });

  it('notices each token expiring soon once, even run twice and on two instances at once', async () => {
    const a = await start();
    const b = await start();
    const user = await newUser(a.api);
    const soon = await createToken(a.api, user.accessToken, { expiresInDays: 3 });
    const later = await createToken(a.api, user.accessToken, { expiresInDays: 30 });
    const never = await createToken(a.api, user.accessToken);
    const revoked = await createToken(a.api, user.accessToken, { expiresInDays: 2 });
    await a.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
    const expired = await createToken(a.api, user.accessToken, { expiresInDays: 2 });
    await db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.id,
    ]);
    const notices = async () =>
      rows(`event_type = 'token.expiring_soon' AND payload->'data'->>'userId' = $1`, [user.id]);

    const dry = await a.app.get(ExpiryNoticeService).run({ dryRun: true });
    expect(dry.events).toBeGreaterThanOrEqual(1);
    expect(await notices()).toEqual([]);

    const [first, second] = await Promise.all([
      a.app.get(ExpiryNoticeService).run(),
      b.app.get(ExpiryNoticeService).run(),
    ]);
    expect(first.events + second.events).toBeGreaterThanOrEqual(1);
    await a.app.get(ExpiryNoticeService).run();
    const recorded = await notices();
    expect(recorded.map((row) => row.payload.data.token.id)).toEqual([soon.id]);
    const epoch = Math.floor(Date.parse(soon.expiresAt as string) / 1000);
    expect((recorded[0] as OutboxRow & { dedupe_key: string }).dedupe_key).toBe(
      `token.expiring_soon:${soon.id}:${epoch}`,
    );

    const hook = await receiver.waitFor(() =>
      receiver.about({ tokenId: soon.id }).find((h) => h.body.type === 'token.expiring_soon'),
    );
    expectSignedEvent(hook, [soon.token]);
    expect(hook.body.data).toMatchObject({
      userId: user.id,
      expiresAt: soon.expiresAt,
      token: { id: soon.id, status: 'active', expiresAt: soon.expiresAt },
    });

    // A rotation gives the token a new expiry, and the new token a notice of its own.
    const rotated = await a.api.post(`/api/v1/tokens/${soon.id}/rotate`, {
      token: user.accessToken,
      body: { gracePeriodSeconds: 3600 },
    });
    expect(rotated.status).toBe(201);
    await b.app.get(ExpiryNoticeService).run();
    expect((await notices()).map((row) => row.payload.data.token.id)).toEqual([
      soon.id,
      rotated.body.id,
    ]);
    await sleep(1500);
    const noticed = receiver
      .accepted()
      .filter((h) => h.body.type === 'token.expiring_soon' && h.body.data.userId === user.id);
    expect(noticed.map((h) => h.body.data.token.id).sort()).toEqual(
      [soon.id, rotated.body.id].sort(),
    );
    for (const quiet of [later, never, revoked, expired]) {
      expect(noticed.some((h) => h.body.data.token.id === quiet.id)).toBe(false);
    }
  });

  it('delivers each event exactly once with two instances sharing the database', async () => {
    const a = await start();
    const b = await start();
    receiver.delayMs = 50;
    const users = await Promise.all([newUser(a.api), newUser(b.api)]);
    await Promise.all(
      users.map((user, i) =>
        Promise.all(Array.from({ length: 6 }, () => createToken([a, b][i].api, user.accessToken))),
      ),
    );
    // Recorded outside a request too, more than one claim's worth at once.
    const events = Array.from({ length: 45 }, (_, i) => ({
      payload: {
        id: randomUUID(),
        type: 'token.created' as const,
        createdAt: new Date().toISOString(),
        data: { token: { id: randomUUID() }, userId: users[0].id, n: i },
      },
    }));
    await a.app.get(UnitOfWork).run((tx) => a.app.get(WebhooksService).enqueue(events, tx));
    // Both instances claim at once (a was nudged by the enqueue).
    b.app.get(WebhookDispatcher).nudge();

    const total = 12 + 45;
    await receiver.waitFor(() => receiver.accepted().length >= total, 20_000);
    await sleep(1500);
    const ids = receiver.accepted().map((hook) => hook.body.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(receiver.arrived).toBe(total);
    const { rows: counts } = await db.query(
      `SELECT attempts, count(*)::int AS n, bool_and(delivered_at IS NOT NULL) AS delivered
       FROM webhook_outbox GROUP BY attempts`,
    );
    expect(counts).toEqual([{ attempts: 1, n: total, delivered: true }]);
  });

  it('lets a delivery in flight at shutdown finish', async () => {
    // Shutdown waits up to 5 s for it.
    const t = await start({ WEBHOOK_TIMEOUT_SECONDS: '10' });
    const user = await newUser(t.api);
    receiver.delayMs = 1000;
    const created = await createToken(t.api, user.accessToken);
    await receiver.waitFor(() => receiver.arrived > 0);
    await t.close();
    const [row] = await rowsOfToken(created.id);
    expect(row.delivered_at).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);
    expect(receiver.accepted()).toHaveLength(1);
  });

  it('keeps an event cut off by shutdown, and another instance delivers it', async () => {
    const t = await start();
    const user = await newUser(t.api);
    receiver.delayMs = Infinity;
    const created = await createToken(t.api, user.accessToken);
    await receiver.waitFor(() => receiver.arrived > 0);
    await t.close();
    const [row] = await rowsOfToken(created.id);
    expect(row).toMatchObject({
      delivered_at: null,
      failed_at: null,
      last_error: 'cut off by shutdown',
    });
    expect(row.next_attempt_at).toBeInstanceOf(Date);

    receiver.delayMs = 0;
    await start();
    const [hook] = await receiver.waitFor(() => {
      const hooks = receiver.about({ tokenId: created.id });
      return hooks.length > 0 && hooks;
    });
    expect(hook.body.id).toBe(row.id);
    expectSignedEvent(hook, [created.token]);
  });
});
