import type pg from 'pg';
import { startTestAppWithSql, type TestAppWithSql } from '../support/app-with-sql.js';
import { createToken, newUser, type LoggedInUser } from '../support/test-app.js';

describe('Reading API tokens', () => {
  let t: TestAppWithSql;
  let db: pg.Pool;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestAppWithSql();
    db = t.db;
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

  describe('GET /tokens', () => {
    it('pages newest first with a cursor, without repeats or gaps', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await createToken(t.api, user.accessToken)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: {
          status: number;
          body: { items: { id: string }[]; nextCursor: string | null };
        } = await t.api.get(`/api/v1/tokens?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: user.accessToken,
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
    });

    it('keeps the order of tokens created within the same millisecond', async () => {
      const ids = (
        await Promise.all(Array.from({ length: 6 }, () => createToken(t.api, user.accessToken)))
      ).map((token) => token.id);
      await db.query(
        `UPDATE api_tokens SET created_at = date_trunc('second', now()) WHERE user_id = $1`,
        [user.id],
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } =
          await t.api.get(`/api/v1/tokens?limit=4${cursor ? `&cursor=${cursor}` : ''}`, {
            token: user.accessToken,
          });
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect([...seen].sort()).toEqual([...ids].sort());
      expect(seen).toEqual([...ids].sort().reverse());
    });

    it('filters by status and by expiringWithinDays', async () => {
      const active = await createToken(t.api, user.accessToken, { expiresInDays: 3 });
      const later = await createToken(t.api, user.accessToken, { expiresInDays: 300 });
      const revoked = await createToken(t.api, user.accessToken);
      const expired = await createToken(t.api, user.accessToken);
      await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: user.accessToken });
      await db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 day' WHERE id = $1`, [
        expired.id,
      ]);
      const ids = async (query: string) =>
        (await t.api.get(`/api/v1/tokens${query}`, { token: user.accessToken })).body.items
          .map((item: { id: string }) => item.id)
          .sort();
      expect(await ids('')).toEqual([active.id, later.id].sort());
      expect(await ids('?status=active')).toEqual([active.id, later.id].sort());
      expect(await ids('?status=revoked')).toEqual([revoked.id]);
      expect(await ids('?status=expired')).toEqual([expired.id]);
      expect(await ids('?status=all')).toEqual(
        [active.id, later.id, revoked.id, expired.id].sort(),
      );
      expect(await ids('?expiringWithinDays=7')).toEqual([active.id]);
      const statuses = (
        await t.api.get('/api/v1/tokens?status=all', { token: user.accessToken })
      ).body.items.map((item: { id: string; status: string }) => [item.id, item.status]);
      expect(new Map(statuses)).toEqual(
        new Map([
          [active.id, 'active'],
          [later.id, 'active'],
          [revoked.id, 'revoked'],
          [expired.id, 'expired'],
        ]),
      );
    });

    it.each([
      '?status=gone',
      '?limit=0',
      '?limit=101',
      '?limit=ten',
      '?expiringWithinDays=-1',
      '?cursor=not-a-cursor',
      `?cursor=${Buffer.from('12:not-a-uuid').toString('base64url')}`,
      '?colour=blue',
    ])('refuses %s with 400', async (query) => {
      const response = await t.api.get(`/api/v1/tokens${query}`, { token: user.accessToken });
      expect(response.status).toBe(400);
    });

    it('lists only the caller’s tokens', async () => {
      const other = await newUser(t.api);
      await createToken(t.api, other.accessToken);
      const list = await t.api.get('/api/v1/tokens?status=all', { token: user.accessToken });
      expect(list.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('GET /tokens/current', () => {
    it('returns the token that authenticated the request, and 400 for a session token', async () => {
      const created = await createToken(t.api, user.accessToken, { name: 'me' });
      const current = await t.api.get('/api/v1/tokens/current', { token: created.token });
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ id: created.id, name: 'me' });
      const bySession = await t.api.get('/api/v1/tokens/current', { token: user.accessToken });
      expect(bySession.status).toBe(400);
    });
  });

  describe('another user’s token', () => {
    it('is 404 on every route, exactly as one that does not exist, and is left alone', async () => {
      const other = await newUser(t.api);
      const theirs = await createToken(t.api, other.accessToken, { name: 'theirs' });
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const id of [theirs.id, missing]) {
        const responses = [
          await t.api.get(`/api/v1/tokens/${id}`, { token: user.accessToken }),
          await t.api.request('PATCH', `/api/v1/tokens/${id}`, {
            token: user.accessToken,
            body: { name: 'mine now' },
          }),
          await t.api.post(`/api/v1/tokens/${id}/rotate`, { token: user.accessToken }),
          await t.api.delete(`/api/v1/tokens/${id}`, { token: user.accessToken }),
        ];
        for (const response of responses) {
          expect(response.status).toBe(404);
          expect(response.body.message).toBe('API token not found');
        }
      }
      const still = await t.api.get(`/api/v1/tokens/${theirs.id}`, { token: other.accessToken });
      expect(still.body).toMatchObject({ name: 'theirs', status: 'active' });
      expect((await t.api.get('/api/v1/tokens/current', { token: theirs.token })).status).toBe(200);
    });

    it('answers 400 for ids that are not UUIDs', async () => {
      const response = await t.api.get('/api/v1/tokens/123', { token: user.accessToken });
      expect(response.status).toBe(400);
    });
  });
});
