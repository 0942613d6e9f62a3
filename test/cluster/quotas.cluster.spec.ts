/**
 * Quotas held exactly by three instances together: on one Redis, and on a Redis Cluster (the
 * quota's counter and the token's rate windows share a hash slot, so one Lua call decides).
 */
import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { Cluster } from '../support/cluster.js';
import { sqlPool } from '../support/database.js';
import { createOrg } from '../support/orgs.js';
import { describeWithRedis } from '../support/environment.js';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis.js';
import { createToken, newUser, startTestApp, type Api, type TestApp } from '../support/test-app.js';
import { binariesAvailable, RedisClusterHarness } from '../support/topology.js';
import { waitFor } from '../support/time.js';

const FILE = 'test/cluster/quotas.cluster.spec.ts';
const describeRedis = await describeWithRedis(FILE);
const describeRedisCluster = binariesAvailable(FILE, ['redis-server', 'redis-cli'])
  ? describe
  : describe.skip;

jest.setTimeout(60_000);

const use = (api: Api, token: string) =>
  api.get('/api/v1/tokens/current', { token }).then((response) => response.status);

/** `n` concurrent uses spread round-robin over the instances: how many went through. */
async function spread(apis: Api[], token: string, n: number): Promise<number[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => use(apis[i % apis.length], token)));
}

describeRedis('three instances sharing quotas on one Redis', () => {
  let cluster: Cluster;
  let prefix: string;
  const redis = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    prefix = uniqueRedisPrefix();
    cluster = await Cluster.start(3, {
      REDIS_PREFIX: prefix,
      USAGE_FLUSH_SECONDS: '1',
      TOKEN_RATE_PER_MINUTE: '100000',
      TOKEN_RATE_PER_HOUR: '1000000',
    });
  });
  afterAll(async () => {
    await cluster.close();
    redis.disconnect();
  });

  it('lets exactly N of many concurrent uses through, spread over the three', async () => {
    const [a] = cluster.apis;
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken, { quota: { limit: 25, period: 'day' } });
    const statuses = await spread(cluster.apis, token.token, 90);
    expect(statuses.filter((s) => s === 200)).toHaveLength(25);
    expect(statuses.filter((s) => s === 429)).toHaveLength(65);
    for (const api of cluster.apis) {
      const view = await api.get(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
      expect(view.body.quota.remaining).toBe(0);
    }
  });

  it('lets exactly N forward auths through, spread over the three', async () => {
    const [a] = cluster.apis;
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken, { quota: { limit: 7, period: 'month' } });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        cluster.apis[i % 3]
          .post('/api/v1/forward-auth', {
            token: token.token,
            headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/x' },
          })
          .then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(7);
  });

  it('shares one quota between a rotated token on one instance and its successor on another', async () => {
    const [a, b, c] = cluster.apis;
    const owner = await newUser(a);
    const old = await createToken(a, owner.accessToken, { quota: { limit: 10, period: 'total' } });
    expect(await spread([a], old.token, 4)).toEqual([200, 200, 200, 200]);
    const rotated = await b.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: owner.accessToken,
      body: { gracePeriodSeconds: 600 },
    });
    expect(rotated.body.quota.remaining).toBe(6);
    const both = await Promise.all([
      spread([a, c], old.token, 10),
      spread([b, c], rotated.body.token as string, 10),
    ]);
    expect(both.flat().filter((s) => s === 200)).toHaveLength(6);
  });

  it('starts a lost counter again from the written uses: none counted twice', async () => {
    const [a, b] = cluster.apis;
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken, { quota: { limit: 12, period: 'day' } });
    expect((await spread(cluster.apis, token.token, 9)).every((s) => s === 200)).toBe(true);
    // Every instance has written its counts (USAGE_FLUSH_SECONDS=1).
    const db = sqlPool(1);
    try {
      await waitFor(async () => {
        const { rows } = await db.query(
          `SELECT coalesce(sum(count), 0)::int AS n FROM token_usage
           WHERE token_id = $1 AND outcome = 'VALID'`,
          [token.id],
        );
        return rows[0].n === 9;
      }, 5000);
    } finally {
      await db.end();
    }
    // Redis loses the quota's counter (a restart without persistence, a failover).
    const keys = await redis.keys(`${prefix}rl:{token:${token.id}}:q:*`);
    expect(keys).toHaveLength(1);
    await redis.del(...keys);
    const statuses = await spread([a, b], token.token, 10);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
  });
});

describeRedisCluster('three instances sharing quotas on a Redis Cluster', () => {
  let redis: RedisClusterHarness;
  let instances: TestApp[] = [];

  beforeAll(async () => {
    redis = await RedisClusterHarness.start(3);
    const env = {
      REDIS_CLUSTER_NODES: redis.nodesEnv,
      REDIS_PREFIX: uniqueRedisPrefix(),
      TOKEN_RATE_PER_MINUTE: '100000',
      TOKEN_RATE_PER_HOUR: '1000000',
    };
    instances = await Promise.all([1, 2, 3].map(() => startTestApp(env)));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await redis?.stop();
  });

  it('lets exactly N of many concurrent uses through, over several tokens in different slots', async () => {
    const apis = instances.map((instance) => instance.api);
    const owner = await newUser(apis[0]);
    const tokens = await Promise.all(
      [5, 8, 13].map((limit) =>
        createToken(apis[0], owner.accessToken, { quota: { limit, period: 'day' } }),
      ),
    );
    const results = await Promise.all(tokens.map((token) => spread(apis, token.token, 40)));
    expect(results.map((statuses) => statuses.filter((s) => s === 200).length)).toEqual([5, 8, 13]);
  });

  it("charges nothing of an org token's quota or windows for the uses its organization's budget refuses", async () => {
    const apis = instances.map((instance) => instance.api);
    const owner = await newUser(apis[0]);
    const org = await createOrg(apis[0], owner);
    const setBudget = (policy: Record<string, unknown>) =>
      apis[0].patch(`/api/v1/orgs/${org.id}`, { token: owner.accessToken, body: { policy } });
    expect((await setBudget({ rateLimit: { perMinute: 2 } })).status).toBe(200);
    const made = await apis[0].post(`/api/v1/orgs/${org.id}/tokens`, {
      token: owner.accessToken,
      body: {
        name: 'metered',
        scopes: ['tokens:read'],
        quota: { limit: 10, period: 'day' },
        rateLimit: { perMinute: 4 },
      },
    });
    expect(made.status).toBe(201);
    const secret = made.body.token as string;
    const statuses = await spread(apis, secret, 12);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    const view = await apis[1].get(`/api/v1/orgs/${org.id}/tokens/${made.body.id}`, {
      token: owner.accessToken,
    });
    expect(view.body.quota.remaining).toBe(8);
    // Without the budget (lifted on the instance asked at once), the token's own minute,
    // shared in the cluster, has 2 of its 4 left.
    expect((await setBudget({})).status).toBe(200);
    const after = [];
    for (let i = 0; i < 3; i++) after.push(await use(apis[0], secret));
    expect(after).toEqual([200, 200, 429]);
  });
});
