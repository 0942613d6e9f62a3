import { DataSource } from 'typeorm';
import { enableTotp, mfaToken, totpCode } from '../support/mfa.js';
import { PASSWORD, login, newUser, startTestApp, type TestApp } from '../support/test-app.js';

const VERIFY = '/api/v1/auth/mfa/verify';
const BROWSER = '/api/v1/auth/browser';
const CSRF = { 'x-tessera-csrf': '1' };

describe('Login of a user with a second factor', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function userWithTotp() {
    const user = await newUser(t.api);
    const totp = await enableTotp(t.api, user.accessToken);
    return { ...user, ...totp };
  }

  it('answers the challenge and no tokens; the verified login answers as a login does', async () => {
    const user = await userWithTotp();
    const first = await login(t.api, user.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      mfaRequired: true,
      mfaToken: expect.any(String),
      methods: ['totp', 'recovery'],
    });
    const done = await t.api.post(VERIFY, {
      body: { mfaToken: first.body.mfaToken, code: totpCode(user.secret) },
    });
    expect(done.status).toBe(200);
    const me = await t.api.get('/api/v1/auth/me', { token: done.body.accessToken });
    expect(me.body.email).toBe(user.email);
    const refreshed = await t.api.post('/api/v1/auth/refresh', {
      body: { refreshToken: done.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
  });

  it('refuses a wrong password with the usual 401 and no challenge', async () => {
    const user = await userWithTotp();
    const res = await login(t.api, user.email, 'not the password');
    expect(res.status).toBe(401);
    expect(res.body.mfaToken).toBeUndefined();
  });

  it('completes an mfaToken once', async () => {
    const user = await userWithTotp();
    const token = await mfaToken(t.api, user.email, PASSWORD);
    const first = await t.api.post(VERIFY, {
      body: { mfaToken: token, recoveryCode: user.recoveryCodes[0] },
    });
    expect(first.status).toBe(200);
    const again = await t.api.post(VERIFY, {
      body: { mfaToken: token, recoveryCode: user.recoveryCodes[1] },
    });
    expect(again.status).toBe(401);
  });

  it('of concurrent right answers to one mfaToken, one opens a session', async () => {
    const user = await userWithTotp();
    const token = await mfaToken(t.api, user.email, PASSWORD);
    const results = await Promise.all(
      user.recoveryCodes
        .slice(0, 4)
        .map((recoveryCode) => t.api.post(VERIFY, { body: { mfaToken: token, recoveryCode } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
  });

  it('kills an mfaToken after 5 wrong attempts: the right code then fails too', async () => {
    const user = await userWithTotp();
    const token = await mfaToken(t.api, user.email, PASSWORD);
    const right = totpCode(user.secret);
    const wrong = String((Number(right) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      expect((await t.api.post(VERIFY, { body: { mfaToken: token, code: wrong } })).status).toBe(
        401,
      );
    }
    expect((await t.api.post(VERIFY, { body: { mfaToken: token, code: right } })).status).toBe(401);
    // A new login gets a new token, and the code still works there (it was never accepted).
    const fresh = await t.api.post(VERIFY, {
      body: { mfaToken: await mfaToken(t.api, user.email, PASSWORD), code: right },
    });
    expect(fresh.status).toBe(200);
  });

  it('lets concurrent wrong attempts count: never more than 5 get an answer other than dead', async () => {
    const user = await userWithTotp();
    const token = await mfaToken(t.api, user.email, PASSWORD);
    const right = totpCode(user.secret);
    const wrong = String((Number(right) + 7) % 1_000_000).padStart(6, '0');
    await Promise.all(
      Array.from({ length: 8 }, () =>
        t.api.post(VERIFY, { body: { mfaToken: token, code: wrong } }),
      ),
    );
    const rows: { attempts: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT attempts FROM mfa_challenges WHERE user_id = $1`, [user.id]);
    expect(rows).toEqual([{ attempts: 5 }]);
    expect((await t.api.post(VERIFY, { body: { mfaToken: token, code: right } })).status).toBe(401);
  });

  it('ends an mfaToken after 5 minutes', async () => {
    const user = await userWithTotp();
    const token = await mfaToken(t.api, user.email, PASSWORD);
    const rows: { minutes: number }[] = await t.app.get(DataSource).query(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes
           FROM mfa_challenges WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ minutes: 5 }]);
    await t.app
      .get(DataSource)
      .query(
        `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
    const res = await t.api.post(VERIFY, {
      body: { mfaToken: token, code: totpCode(user.secret) },
    });
    expect(res.status).toBe(401);
  });

  it('sweeps expired challenges away when new ones are made', async () => {
    const user = await userWithTotp();
    await mfaToken(t.api, user.email, PASSWORD);
    await mfaToken(t.api, user.email, PASSWORD);
    const db = t.app.get(DataSource);
    await db.query(
      `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    await mfaToken(t.api, user.email, PASSWORD);
    const rows: { expired: boolean }[] = await db.query(
      `SELECT expires_at < now() AS expired FROM mfa_challenges WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ expired: false }]);
  });

  it('refuses an mfaToken whose password changed meanwhile', async () => {
    const user = await userWithTotp();
    const token = await mfaToken(t.api, user.email, PASSWORD);
    const changed = await t.api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'another long password' },
    });
    expect(changed.status).toBe(204);
    const res = await t.api.post(VERIFY, {
      body: { mfaToken: token, recoveryCode: user.recoveryCodes[0] },
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['an unknown token', 401, { mfaToken: 'tsrm_nothing', code: '123456' }],
    ['a token of another form', 401, { mfaToken: 'abc', code: '123456' }],
    ['no factor', 400, { mfaToken: 'tsrm_nothing' }],
    ['two factors', 400, { mfaToken: 'tsrm_nothing', code: '123456', recoveryCode: 'abcde-fghjk' }],
    ['no mfaToken', 400, { code: '123456' }],
    ['an unknown field', 400, { mfaToken: 'tsrm_x', code: '123456', extra: 1 }],
    ['a number for a code', 400, { mfaToken: 'tsrm_x', code: 123456 }],
  ])('answers %s with %i', async (_, status, body) => {
    const res = await t.api.post(VERIFY, { body });
    expect(res.status).toBe(status);
  });

  it('the OAuth password grant refuses such a user with invalid_grant', async () => {
    const user = await userWithTotp();
    const res = await t.api.post('/api/v1/auth/token', {
      form: { grant_type: 'password', username: user.email, password: PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'second factor required',
    });
    expect(res.body.access_token).toBeUndefined();
  });

  it('browser login answers the challenge without a cookie; the browser verify sets it', async () => {
    const user = await userWithTotp();
    const first = await t.api.post(`${BROWSER}/login`, {
      body: { email: user.email, password: PASSWORD },
      headers: CSRF,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfaRequired: true, methods: ['totp', 'recovery'] });
    expect(first.headers.get('set-cookie')).toBeNull();

    const done = await t.api.post(`${BROWSER}/mfa/verify`, {
      body: { mfaToken: first.body.mfaToken, code: totpCode(user.secret) },
      headers: CSRF,
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: expect.any(Number),
      sessionId: expect.any(String),
    });
    const cookie = /^tessera_refresh=([^;]+)/.exec(done.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toMatch(/^tsrr_/);
    const refreshed = await t.api.post(`${BROWSER}/refresh`, {
      headers: { ...CSRF, cookie: `tessera_refresh=${cookie}` },
    });
    expect(refreshed.status).toBe(200);
  });

  it('the browser verify refuses a cross-site request', async () => {
    const res = await t.api.post(`${BROWSER}/mfa/verify`, {
      body: { mfaToken: 'tsrm_x', code: '123456' },
    });
    expect(res.status).toBe(403);
  });

  it('a user without a second factor still gets tokens at once', async () => {
    const user = await newUser(t.api);
    const res = await login(t.api, user.email);
    expect(res.body.accessToken).toEqual(expect.any(String));
    const grant = await t.api.post('/api/v1/auth/token', {
      form: { grant_type: 'password', username: user.email, password: PASSWORD },
    });
    expect(grant.status).toBe(200);
  });
});
