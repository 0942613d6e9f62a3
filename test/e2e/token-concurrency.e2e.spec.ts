import pg from 'pg';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';

describe('Per-user token limit', () => {
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '5' });
    db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const activeCount = async (userId: string) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM api_tokens
         WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
        [userId],
      )
    ).rows[0].n;

  it('gives exactly 5 of 10 concurrent creates against a limit of 5', async () => {
    const user = await newUser(t.api);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api.post('/api/v1/tokens', {
          token: user.accessToken,
          body: { name: `t${i}`, scopes: ['tokens:read'] },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409, 409]);
    expect(responses.find((r) => r.status === 409)!.body.message).toContain('5');
    expect(await activeCount(user.id)).toBe(5);
  });

  it('frees a slot when a token is revoked or expires', async () => {
    const user = await newUser(t.api);
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push(await createToken(t.api, user.accessToken));
    let n = 0;
    const create = () =>
      t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: `one more ${++n}`, scopes: ['tokens:read'] },
      });
    expect((await create()).status).toBe(409);
    await t.api.delete(`/api/v1/tokens/${tokens[1].id}`, { token: user.accessToken });
    expect((await create()).status).toBe(201);
    await db.query(`UPDATE api_tokens SET expires_at = now() WHERE id = $1`, [tokens[2].id]);
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(409);
    expect(await activeCount(user.id)).toBe(5);
  });

  it('lets a rotation at the limit replace a token, but not chain grace periods past it', async () => {
    const user = await newUser(t.api);
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push(await createToken(t.api, user.accessToken));
    const rotate = (id: string) =>
      t.api.post(`/api/v1/tokens/${id}/rotate`, {
        token: user.accessToken,
        body: { gracePeriodSeconds: 3600 },
      });
    const first = await rotate(tokens[0].id);
    expect(first.status).toBe(201);
    // The old token still works through its grace period, so it still counts.
    const chained = await rotate(first.body.id);
    expect(chained.status).toBe(409);
    expect(chained.body.message).toContain('active API tokens');
    const create = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'extra', scopes: ['tokens:read'] },
    });
    expect(create.status).toBe(409);
    const working = await Promise.all(
      [tokens[0], ...tokens.slice(1)].map((tk) =>
        t.api.get('/api/v1/auth/whoami', { token: tk.token }),
      ),
    );
    expect(working.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('lets every one of concurrent rotations at the limit through, counting what is active', async () => {
    const user = await newUser(t.api);
    let tokens: { id: string }[] = [];
    for (let i = 0; i < 5; i++) tokens.push(await createToken(t.api, user.accessToken));
    // Rounds of five rotations at once, each ending its old token at once: the user holds five
    // active tokens throughout, so none may be refused for the limit.
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(
        tokens.map((tk) =>
          t.api.post(`/api/v1/tokens/${tk.id}/rotate`, {
            token: user.accessToken,
            body: { gracePeriodSeconds: 0 },
          }),
        ),
      );
      expect(answers.map((r) => [r.status, r.status === 201 ? '' : r.body.message])).toEqual(
        tokens.map(() => [201, '']),
      );
      tokens = answers.map((r) => r.body as { id: string });
      expect(await activeCount(user.id)).toBe(5);
    }
  });
});

describe('Idempotent token creation', () => {
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '3' });
    db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const create = (token: string, key: string, body: Record<string, unknown>) =>
    t.api.post('/api/v1/tokens', { token, body, headers: { 'idempotency-key': key } });
  const count = async (userId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1`, [userId]))
      .rows[0].n;

  it('replays the first response, secret included, for the same key and body', async () => {
    const user = await newUser(t.api);
    const body = { name: 'deploy', scopes: ['tokens:read', 'profile:read'] };
    const first = await create(user.accessToken, 'key-1', body);
    // The same body with its keys in another order is the same request.
    const again = await create(user.accessToken, 'key-1', {
      scopes: ['tokens:read', 'profile:read'],
      name: 'deploy',
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await count(user.id)).toBe(1);
    // A new key is a new request.
    const other = await create(user.accessToken, 'key-2', body);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('refuses the same key with a different body with 422, and changes nothing', async () => {
    const user = await newUser(t.api);
    await create(user.accessToken, 'k', { name: 'a', scopes: ['tokens:read'] });
    const mismatch = await create(user.accessToken, 'k', { name: 'b', scopes: ['tokens:read'] });
    expect(mismatch.status).toBe(422);
    expect(await count(user.id)).toBe(1);
  });

  it('keys are per user: the same key of another user is another request', async () => {
    const [a, b] = [await newUser(t.api), await newUser(t.api)];
    const body = { name: 'x', scopes: ['tokens:read'] };
    const first = await create(a.accessToken, 'shared', body);
    const second = await create(b.accessToken, 'shared', body);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const user = await newUser(t.api);
    const body = { name: 'slow', scopes: ['tokens:read'] };
    // Hold the owner's row: the first create claims its key, then waits for this lock.
    const blocker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [user.id]);
      const first = create(user.accessToken, 'inflight', body);
      await waitFor(async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1`,
          [user.id],
        );
        return rows[0].n === 1;
      });
      const second = await create(user.accessToken, 'inflight', body);
      expect(second.status).toBe(409);
      await blocker.query('COMMIT');
      expect((await first).status).toBe(201);
      const third = await create(user.accessToken, 'inflight', body);
      expect(third.body).toEqual((await first).body);
    } finally {
      await blocker.end();
    }
  });

  it('creates one token for many concurrent retries with one key', async () => {
    const user = await newUser(t.api);
    const body = { name: 'burst', scopes: ['tokens:read'] };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => create(user.accessToken, 'burst', body)),
    );
    for (const r of responses) expect([201, 409]).toContain(r.status);
    const ids = new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await count(user.id)).toBe(1);
  });

  it('does not replay a token to a credential that could not have made it', async () => {
    const user = await newUser(t.api);
    const body = { name: 'wide', scopes: ['tokens:read', 'tokens:write', 'sessions:read'] };
    const first = await create(user.accessToken, 'wide-key', body);
    expect(first.status).toBe(201);
    const narrow = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'tokens:read'],
    });
    const replay = await create(narrow.token, 'wide-key', body);
    expect(replay.status).toBe(403);
    expect(replay.text).not.toContain(first.body.token);
  });

  it('treats the same scopes in another order as the same request', async () => {
    const user = await newUser(t.api);
    const first = await create(user.accessToken, 'order', {
      name: 'x',
      scopes: ['tokens:read', 'profile:read'],
    });
    const again = await create(user.accessToken, 'order', {
      name: 'x',
      scopes: ['profile:read', 'tokens:read'],
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('starts every key afresh under a new APP_SECRET (records of the old one cannot be opened)', async () => {
    const user = await newUser(t.api);
    const body = { name: 'x', scopes: ['tokens:read'] };
    const first = await create(user.accessToken, 'rekeyed', body);
    const rekeyed = await startTestApp({
      APP_SECRET: 'another-secret-that-is-long-enough-98765',
      MAX_TOKENS_PER_USER: '3',
    });
    try {
      // A session of the new deployment (the old access token is signed with the old secret).
      const session = await rekeyed.api.post('/api/v1/auth/login', {
        body: { email: user.email, password: user.password },
      });
      // The first token goes, or its name would clash with the new request's (409).
      await rekeyed.api.delete(`/api/v1/tokens/${first.body.id}`, {
        token: session.body.accessToken,
      });
      const again = await rekeyed.api.post('/api/v1/tokens', {
        token: session.body.accessToken,
        body,
        headers: { 'idempotency-key': 'rekeyed' },
      });
      expect(again.status).toBe(201);
      expect(again.body.id).not.toBe(first.body.id);
    } finally {
      await rekeyed.close();
    }
  });

  it('lets the key be used again after the first request failed', async () => {
    const user = await newUser(t.api);
    const body = { name: 'after limit', scopes: ['tokens:read'] };
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push(await createToken(t.api, user.accessToken));
    expect((await create(user.accessToken, 'retry', body)).status).toBe(409);
    await t.api.delete(`/api/v1/tokens/${tokens[0].id}`, { token: user.accessToken });
    expect((await create(user.accessToken, 'retry', body)).status).toBe(201);
  });

  it('stores the replayable response only sealed, and the key only as a hash', async () => {
    const user = await newUser(t.api);
    const created = await create(user.accessToken, 'sealed-key', {
      name: 'x',
      scopes: ['tokens:read'],
    });
    const { rows } = await db.query(
      `SELECT key_hash, response FROM idempotency_keys WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].response.includes(Buffer.from(created.body.token))).toBe(false);
    expect(rows[0].response.includes(Buffer.from(created.body.id))).toBe(false);
    expect(rows[0].key_hash.includes(Buffer.from('sealed-key'))).toBe(false);
  });

  it('starts afresh after 24 hours', async () => {
    const user = await newUser(t.api);
    const first = await create(user.accessToken, 'old', { name: 'x', scopes: ['tokens:read'] });
    await db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = $1`,
      [user.id],
    );
    const later = await create(user.accessToken, 'old', { name: 'y', scopes: ['tokens:read'] });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it.each(['', 'x'.repeat(256), 'has space', 'tab\there'])(
    'refuses the Idempotency-Key %p with 400',
    async (key) => {
      const user = await newUser(t.api);
      const response = await create(user.accessToken, key, { name: 'x', scopes: ['tokens:read'] });
      expect(response.status).toBe(400);
      expect(await count(user.id)).toBe(0);
    },
  );
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
