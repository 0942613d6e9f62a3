/**
 * `GET /tokens/current` and `GET /auth/me` cost no query: with the database cut off, a credential
 * still in its cache lifetime gets the same answers as before (whoami's rule), and one past it
 * gets 503 as every route does. (Their exactness after changes is in
 * test/cluster/current-credential.cluster.spec.ts.)
 */
import { TcpProxy } from '../support/tcp-proxy.js';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { sleep } from '../support/time.js';

describe('views of the calling credential with the database unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    t = await startTestApp({
      DATABASE_URL: proxy.rewrite(process.env.TEST_DATABASE_URL!),
      TOKEN_CACHE_TTL_SECONDS: '3',
      SESSION_CACHE_TTL_SECONDS: '3',
    });
  });
  afterAll(async () => {
    await proxy?.resume();
    await t?.close();
    await proxy?.stop();
  });

  it('answer from the cached state while it is fresh, then fail closed', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
    const current = await t.api.get('/api/v1/tokens/current', { token: token.token });
    const me = await t.api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(current.status).toBe(200);
    expect(me.status).toBe(200);

    await proxy.stop();
    const currentAgain = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(currentAgain.status).toBe(200);
    expect({ ...currentAgain.body, lastUsedAt: null }).toEqual({
      ...current.body,
      lastUsedAt: null,
    });
    expect(Date.parse(currentAgain.body.lastUsedAt)).toBeGreaterThanOrEqual(
      Date.parse(current.body.lastUsedAt),
    );
    for (const credential of [user.accessToken, token.token]) {
      const meAgain = await t.api.get('/api/v1/auth/me', { token: credential });
      expect(meAgain.status).toBe(200);
      expect(meAgain.body).toEqual(me.body);
    }

    await sleep(3_100);
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(503);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(503);
  });
});
