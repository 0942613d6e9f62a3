import { sha256Base64 } from '../../src/common/crypto/crypto.js';
import { VerifyEvents } from '../../src/verify/verify-events.service.js';
import { sqlClient } from '../support/database.js';
import { describeWithRedis } from '../support/environment.js';
import { openEventStream, type EventStreamReader } from '../support/event-stream.js';
import { addMember, createOrg } from '../support/orgs.js';
import { redisEnv, TEST_REDIS_URL } from '../support/redis.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/time.js';
import {
  createToken,
  newUser,
  startAdminApp,
  startTestApp,
  type AdminApp,
  type TestApp,
} from '../support/test-app.js';

const describeRedis = await describeWithRedis('test/e2e/verify-events.e2e.spec.ts');

/** Opens the stream as a service would, with its own credential. */
const subscribe = (t: TestApp, token: string, lastEventId?: string) =>
  openEventStream(`${t.baseUrl}/api/v1/verify/events`, {
    authorization: `Bearer ${token}`,
    ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });

/** The next `invalidate` event, skipping those of other tests' changes. */
async function nextInvalidation(
  stream: EventStreamReader,
  matches: (data: Record<string, string[] | undefined>) => boolean,
  timeoutMs = 1_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    const event = await stream.next(Math.max(left, 1), 'matching invalidation');
    if (event.event === 'invalidate' && matches(event.data)) return event;
  }
}

/** `GET /api/v1/verify/events`: what a caching client of `/verify` hears, over real HTTP. */
describe('GET /api/v1/verify/events', () => {
  let t: AdminApp;
  let verifier: string;
  const open: EventStreamReader[] = [];
  const stream = async (token = verifier, lastEventId?: string) => {
    const reader = await subscribe(t, token, lastEventId);
    open.push(reader);
    return reader;
  };

  beforeAll(async () => {
    t = await startAdminApp();
    verifier = (await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
  });
  afterEach(() => open.splice(0).forEach((reader) => reader.close()));
  afterAll(() => t?.close());

  it('needs a credential holding tokens:verify or admin', async () => {
    const none = await fetch(`${t.baseUrl}/api/v1/verify/events`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const user = await newUser(t.api);
    const narrow = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
    const refused = await stream(narrow.token);
    expect(refused.status).toBe(403);
    // An admin's session may listen too.
    const admin = await stream(t.adminToken);
    expect(admin.status).toBe(200);
    expect((await admin.next()).event).toBe('ready');
  });

  it('starts with ready, then names a revoked API token by the SHA-256 of its secret', async () => {
    const events = await stream();
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(events.headers.get('cache-control')).toBe('no-store');
    const ready = await events.next();
    expect(ready).toEqual({
      id: expect.stringMatching(/^[\w-]+-\d+$/),
      event: 'ready',
      data: { resumed: false, exact: true },
    });

    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    const revoked = await t.api.delete(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    expect(revoked.status).toBe(204);
    const hash = sha256Base64(token.token);
    const event = await nextInvalidation(events, (data) => data.tokens?.includes(hash) ?? false);
    expect(event.data).toEqual({ tokens: [hash] });
    // Nothing secret travels: not the token, and no other field.
    expect(JSON.stringify(event)).not.toContain(token.token);
  });

  it('names an ended session by its id, and a member removed from an organization by user id', async () => {
    const events = await stream();
    await events.next();
    const user = await newUser(t.api);
    expect((await t.api.post('/api/v1/auth/logout', { token: user.accessToken })).status).toBe(204);
    await nextInvalidation(events, (data) => data.sessions?.includes(user.sessionId) ?? false);

    const owner = await newUser(t.api);
    const member = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    await addMember(org.id, member.id, 'member');
    const removed = await t.api.delete(`/api/v1/orgs/${org.id}/members/${member.id}`, {
      token: owner.accessToken,
    });
    expect(removed.status).toBe(204);
    await nextInvalidation(events, (data) => data.users?.includes(member.id) ?? false);
  });

  it('resumes from Last-Event-ID with what was missed, and says so when it cannot', async () => {
    const first = await stream();
    const ready = await first.next();
    first.close();

    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    await t.api.delete(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
    const hash = sha256Base64(token.token);

    const resumed = await stream(verifier, ready.id);
    expect(await resumed.next()).toMatchObject({
      id: ready.id,
      event: 'ready',
      data: { resumed: true, exact: true },
    });
    const replayed = await nextInvalidation(
      resumed,
      (data) => data.tokens?.includes(hash) ?? false,
    );
    expect(Number(replayed.id!.split('-').pop())).toBeGreaterThan(
      Number(ready.id!.split('-').pop()),
    );

    // An id of another instance (or of this one before a restart) is a gap: start afresh.
    for (const unknown of ['elsewhere-3', 'garbage', `${ready.id!.split('-')[0]}-999999999`]) {
      const fresh = await stream(verifier, unknown);
      expect((await fresh.next()).data).toEqual({ resumed: false, exact: true });
    }
  });

  it("ends the stream when the service's own token is revoked", async () => {
    // A user's token may not hold tokens:verify; an admin's may.
    const own = await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] });
    const events = await stream(own.token);
    await events.next();
    await t.api.delete(`/api/v1/tokens/${own.id}`, { token: t.adminToken });
    await events.ended;
    expect((await stream(own.token)).status).toBe(401);
  });

  it('keeps no stream of callers that hang up at once', async () => {
    const events = t.app.get(VerifyEvents);
    const before = events.open;
    // Each with a credential not yet cached: the check takes a query, and the caller leaves.
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () =>
        createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] }),
      ),
    );
    await Promise.all(
      tokens.map(async ({ token }, i) => {
        const abort = new AbortController();
        setTimeout(() => abort.abort(), i % 3);
        await fetch(`${t.baseUrl}/api/v1/verify/events`, {
          headers: { authorization: `Bearer ${token}` },
          signal: abort.signal,
        }).catch(() => undefined);
      }),
    );
    await waitFor(() => events.open === before, 2_000).catch(() => undefined);
    expect(events.open).toBe(before);
  });

  it("ends the stream when the caller's credential expires", async () => {
    const own = await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] });
    await sqlClient().then(async (sql) => {
      try {
        await sql.query(
          `UPDATE api_tokens SET expires_at = now() + interval '1 second' WHERE id = $1`,
          [own.id],
        );
      } finally {
        await sql.end();
      }
    });
    const events = await stream(own.token);
    expect((await events.next()).event).toBe('ready');
    await events.ended;
    expect((await stream(own.token)).status).toBe(401);
  });

  it('ends its streams when the instance stops, so stopping does not wait for them', async () => {
    const other = await startTestApp();
    const token = (await createToken(other.api, t.adminToken, { scopes: ['tokens:verify'] })).token;
    const events = await subscribe(other, token);
    await events.next();
    await other.close();
    await events.ended;
  });
});

describeRedis('GET /api/v1/verify/events across instances', () => {
  let proxy: TcpProxy;
  let a: AdminApp;
  /** Reaches Redis through the proxy, which the test cuts. */
  let b: TestApp;

  beforeAll(async () => {
    proxy = await TcpProxy.start(TEST_REDIS_URL);
    const env = redisEnv();
    a = await startAdminApp(env);
    b = await startTestApp({ ...env, REDIS_URL: proxy.rewrite(TEST_REDIS_URL) });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await proxy?.stop();
  });

  it("hears another instance's changes, and says when it cannot hear them", async () => {
    const verifier = (await createToken(a.api, a.adminToken, { scopes: ['tokens:verify'] })).token;
    const events = await subscribe(b, verifier);
    try {
      expect((await events.next()).data).toEqual({ resumed: false, exact: true });
      const user = await newUser(a.api);
      const token = await createToken(a.api, user.accessToken);
      await a.api.delete(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
      const hash = sha256Base64(token.token);
      await nextInvalidation(events, (data) => data.tokens?.includes(hash) ?? false);

      // Redis unreachable from b: changes made on a may go unheard, and the stream says so.
      await proxy.stop();
      const lost = await events.next(5_000, 'state event');
      expect(lost).toMatchObject({ event: 'state', data: { exact: false } });
      await proxy.resume();
      const back = await events.next(10_000, 'state event');
      expect(back).toMatchObject({ event: 'state', data: { exact: true } });
    } finally {
      events.close();
    }
  });
});
