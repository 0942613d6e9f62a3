/**
 * `@tessera/client`'s exact cache past one machine: its event stream reaches one of three
 * instances through nginx, and a session ended on any of them is refused by the cached client
 * within a second (the change travels over the Redis Cluster's pub/sub to the stream).
 */
import { jest } from '@jest/globals';
import { TesseraClient } from '@tessera/client';
import { nginxAvailable, startBalancingNginx, type RunningNginx } from '../support/nginx.js';
import { uniqueRedisPrefix } from '../support/redis.js';
import {
  Api,
  PASSWORD,
  uniqueEmail,
  createToken,
  login,
  newUser,
  startTestApp,
  type TestApp,
} from '../support/test-app.js';
import { waitFor } from '../support/time.js';
import { binariesAvailable, RedisClusterHarness } from '../support/topology.js';

const FILE = 'test/topology/client-cache.topology.spec.ts';
const available = binariesAvailable(FILE, ['redis-server', 'redis-cli']) && nginxAvailable(FILE);
const describeTopology = available ? describe : describe.skip;

jest.setTimeout(60_000);

describeTopology("The client's cache with three instances behind nginx", () => {
  let redis: RedisClusterHarness;
  let nginx: RunningNginx;
  let instances: TestApp[] = [];
  let api: Api;
  let client: TesseraClient;

  beforeAll(async () => {
    redis = await RedisClusterHarness.start(3);
    const env = {
      REDIS_CLUSTER_NODES: redis.nodesEnv,
      REDIS_PREFIX: uniqueRedisPrefix(),
    };
    const adminEmail = uniqueEmail('admin');
    // One instance makes the bootstrap admin, before the others start.
    const first = await startTestApp({ ...env, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD });
    instances = [first, ...(await Promise.all([2, 3].map(() => startTestApp(env))))];
    nginx = await startBalancingNginx({ upstreamUrls: instances.map((i) => i.baseUrl) });
    api = new Api(nginx.url);
    const admin = await login(api, adminEmail);
    const verifier = await createToken(api, admin.body.accessToken, { scopes: ['tokens:verify'] });
    client = new TesseraClient({ baseUrl: nginx.url, token: verifier.token, cacheSeconds: 60 });
    await client.cacheReady();
  }, 90_000);

  afterAll(async () => {
    client?.close();
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.close()));
    await redis?.stop();
  });

  it('refuses a session logged out on any instance within 1 s', async () => {
    for (const instance of instances) {
      const user = await newUser(api);
      await client.verify(user.accessToken);
      const hits = client.cacheStats().hits;
      expect((await client.verify(user.accessToken)).valid).toBe(true);
      expect(client.cacheStats().hits).toBe(hits + 1);

      const logout = await instance.api.post('/api/v1/auth/logout', { token: user.accessToken });
      expect(logout.status).toBe(204);
      await waitFor(async () => !(await client.verify(user.accessToken)).valid, 1_000, 5);
    }
  });
});
