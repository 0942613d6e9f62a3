import type pg from 'pg';
import { startTestAppWithSql, type TestAppWithSql } from '../support/app-with-sql.js';
import { PASSWORD, expectSessionRevoked, login, newUser, type Api } from '../support/test-app.js';

describe('POST /auth/password', () => {
  let t: TestAppWithSql;
  let api: Api;
  let db: pg.Pool;

  beforeAll(async () => {
    t = await startTestAppWithSql();
    ({ api, db } = t);
  });
  afterAll(() => t.close());

  it('changes the password and revokes every other session, keeping this one', async () => {
    const user = await newUser(api);
    const other = await login(api, user.email);
    const newPassword = 'a brand new password';
    const res = await api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword },
    });
    expect(res.status).toBe(204);
    expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    await expectSessionRevoked(api, other.body);
    expect((await login(api, user.email, PASSWORD)).status).toBe(401);
    expect((await login(api, user.email, newPassword)).status).toBe(200);
  });

  it('refuses a wrong current password or a weak new one, and changes nothing', async () => {
    const user = await newUser(api);
    const other = await login(api, user.email);
    const wrong = await api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: 'not my password', newPassword: 'whatever-long' },
    });
    expect(wrong.status).toBe(400);
    const weak = await api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(200);
    expect((await login(api, user.email, PASSWORD)).status).toBe(200);
  });

  it('leaves no session opened with the old password alive after a password change, under concurrent logins', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await newUser(api);
      const [change, ...logins] = await Promise.all([
        api.post('/api/v1/auth/password', {
          token: user.accessToken,
          body: { currentPassword: PASSWORD, newPassword: 'the new password' },
        }),
        ...Array.from({ length: 8 }, () => login(api, user.email, PASSWORD)),
      ]);
      expect(change.status).toBe(204);
      expect(logins.every((r) => r.status === 200 || r.status === 401)).toBe(true);
      const { rows } = await db.query(
        `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND id <> $2`,
        [user.id, user.sessionId],
      );
      expect(rows).toEqual([]);
      for (const res of logins.filter((r) => r.status === 200)) {
        expect((await api.get('/api/v1/auth/me', { token: res.body.accessToken })).status).toBe(
          401,
        );
      }
    }
  });

  it('lets only one of two concurrent password changes with the same current password win', async () => {
    const user = await newUser(api);
    const other = await login(api, user.email);
    const [first, second] = await Promise.all([
      api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'password of the first' },
      }),
      api.post('/api/v1/auth/password', {
        token: other.body.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'password of the second' },
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([204, 400]);
    const winner = first.status === 204 ? 'password of the first' : 'password of the second';
    const loser = first.status === 204 ? 'password of the second' : 'password of the first';
    expect((await login(api, user.email, winner)).status).toBe(200);
    expect((await login(api, user.email, loser)).status).toBe(401);
    const loserToken = first.status === 204 ? other.body.accessToken : user.accessToken;
    expect((await api.get('/api/v1/auth/me', { token: loserToken })).status).toBe(401);
  });
});
