import { redisEnv, TEST_REDIS_URL } from '../support/redis.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import {
  createToken,
  login,
  newUser,
  startTestApp,
  type Api,
  type TestApp,
} from '../support/test-app.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep, waitFor } from '../support/time.js';

const describeRedis = await describeWithRedis('test/e2e/redis-faults.e2e.spec.ts');

const whoami = (api: Api, token: string) => api.get('/api/v1/auth/whoami', { token });
const ready = async (api: Api) => {
  const response = await api.get('/health/ready');
  return { status: response.status, redis: response.body?.redis as string };
};
const metric = async (api: Api, line: string) => {
  const text = (await api.get('/metrics')).text;
  const found = text.split('\n').find((row) => row.startsWith(line + ' '));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describeRedis('Redis down, then back', () => {
  let proxy: TcpProxy;
  /** Reaches Redis through the proxy; `other` directly. */
  let cut: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    proxy = await TcpProxy.start(TEST_REDIS_URL);
    const env = { ...redisEnv(), DEGRADED_CACHE_TTL_SECONDS: '1' };
    [cut, other] = await Promise.all([
      startTestApp({ ...env, REDIS_URL: proxy.rewrite(TEST_REDIS_URL) }),
      startTestApp(env),
    ]);
  });
  afterAll(async () => {
    await Promise.all([cut?.close(), other?.close()]);
    await proxy?.stop();
  });

  it('keeps answering, bounds revocation by the short lifetime, and resumes by itself', async () => {
    const owner = await newUser(other.api);
    const token = await createToken(other.api, owner.accessToken);
    expect((await whoami(cut.api, token.token)).status).toBe(200); // cached for 30 s
    expect(await ready(cut.api)).toEqual({ status: 200, redis: 'up' });

    await proxy.stop();
    await waitFor(async () => (await ready(cut.api)).redis === 'down');
    // Still ready: it answers on local counters.
    expect((await ready(cut.api)).status).toBe(200);
    expect((await whoami(cut.api, token.token)).status).toBe(200);
    expect((await login(cut.api, owner.email)).status).toBe(200);
    expect(await metric(cut.api, 'tessera_redis_up{connection="commands"}')).toBe(0);
    expect(await metric(cut.api, 'tessera_rate_limit_local_fallbacks_total')).toBeGreaterThan(0);

    // Revoked elsewhere while this instance hears nothing: refused once its short-lived
    // entry ends (1 s here) rather than after the 30-s lifetime.
    const revoked = Date.now();
    await other.api.delete(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
    while ((await whoami(cut.api, token.token)).status === 200) await sleep(20);
    expect(Date.now() - revoked).toBeLessThan(1_600);

    await proxy.resume();
    await waitFor(async () => (await ready(cut.api)).redis === 'up', 10_000);
    expect(await metric(cut.api, 'tessera_redis_up{connection="bus"}')).toBe(1);
    // The bus works again: a revocation elsewhere reaches this instance within a second,
    // and its cache keeps entries for their full lifetime again.
    const second = await createToken(other.api, owner.accessToken);
    expect((await whoami(cut.api, second.token)).status).toBe(200);
    await sleep(1_200); // longer than the degraded lifetime: still cached, not reloaded
    const started = Date.now();
    await other.api.delete(`/api/v1/tokens/${second.id}`, { token: owner.accessToken });
    while ((await whoami(cut.api, second.token)).status === 200) await sleep(10);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describeRedis('Redis connections that hang without closing', () => {
  it('are found out, dropped and dialled again; meanwhile requests do not wait', async () => {
    const proxy = await TcpProxy.start(TEST_REDIS_URL);
    const env = { ...redisEnv(), DEGRADED_CACHE_TTL_SECONDS: '1' };
    const [hung, other] = await Promise.all([
      startTestApp({ ...env, REDIS_URL: proxy.rewrite(TEST_REDIS_URL) }),
      startTestApp(env),
    ]);
    try {
      const owner = await newUser(other.api);
      const token = await createToken(other.api, owner.accessToken);
      expect((await whoami(hung.api, token.token)).status).toBe(200);

      proxy.freeze();
      // The first request waits for the command timeout (1 s); the next ones do not.
      expect((await whoami(hung.api, token.token)).status).toBe(200);
      const started = Date.now();
      for (let i = 0; i < 5; i++) expect((await whoami(hung.api, token.token)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(500);

      // A revocation elsewhere is seen once the hung subscription is found out (heartbeat)
      // and the caches are cut short or emptied, within a few seconds rather than 30.
      const revoked = Date.now();
      await other.api.delete(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
      while ((await whoami(hung.api, token.token)).status === 200) await sleep(20);
      expect(Date.now() - revoked).toBeLessThan(4_000);
      // Fresh connections go through: it is whole again by itself.
      await waitFor(async () => (await ready(hung.api)).redis === 'up', 10_000);
    } finally {
      await Promise.all([hung.close(), other.close()]);
      await proxy.stop();
    }
  });
});
