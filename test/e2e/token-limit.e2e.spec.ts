import type pg from 'pg';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

describe('Per-user token limit', () => {
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '5' });
    db = await sqlClient();
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
