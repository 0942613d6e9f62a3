/**
 * Organizations past one machine: a Redis Cluster of three masters, three instances and nginx
 * balancing round-robin in front. The shared budget of an organization's tokens is exact across
 * the instances (its counters under one hash tag, one slot), and an organization's routes
 * through forward auth follow a membership change on whichever instance answers next.
 */
import { jest } from '@jest/globals';
import { writePolicyFile } from '../support/forward-auth-policy.js';
import { nginxAvailable, startBalancingNginx, type RunningNginx } from '../support/nginx.js';
import { addMember, createOrg } from '../support/orgs.js';
import { uniqueRedisPrefix } from '../support/redis.js';
import { Api, createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { binariesAvailable, RedisClusterHarness } from '../support/topology.js';

const FILE = 'test/topology/org-routes.topology.spec.ts';
const available = binariesAvailable(FILE, ['redis-server', 'redis-cli']) && nginxAvailable(FILE);
const describeTopology = available ? describe : describe.skip;

jest.setTimeout(60_000);

describeTopology('Organizations on a Redis Cluster, three instances and nginx in front', () => {
  let redis: RedisClusterHarness;
  let nginx: RunningNginx;
  let instances: TestApp[] = [];
  let api: Api;
  let policy: ReturnType<typeof writePolicyFile>;

  beforeAll(async () => {
    redis = await RedisClusterHarness.start(3);
    policy = writePolicyFile({
      scopes: [{ name: 'projects:read', description: 'Read projects' }],
      routes: [{ method: 'GET', path: '/orgs/{org}/projects/**', scopes: ['projects:read'] }],
    });
    const env = {
      REDIS_CLUSTER_NODES: redis.nodesEnv,
      REDIS_PREFIX: uniqueRedisPrefix(),
      DEGRADED_CACHE_TTL_SECONDS: '0',
      ...policy.env,
    };
    instances = await Promise.all([1, 2, 3].map(() => startTestApp(env)));
    nginx = await startBalancingNginx({ upstreamUrls: instances.map((i) => i.baseUrl) });
    api = new Api(nginx.url);
  }, 90_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.close()));
    await redis?.stop();
    policy?.remove();
  });

  it("admits exactly an organization's budget of 100 concurrent requests spread over three instances", async () => {
    const owner = await newUser(api);
    const org = await createOrg(api, owner);
    const set = await api.patch(`/api/v1/orgs/${org.id}`, {
      token: owner.accessToken,
      body: { policy: { rateLimit: { perMinute: 30, perHour: 1000 } } },
    });
    expect(set.status).toBe(200);
    const secrets: string[] = [];
    for (let i = 0; i < 4; i++) {
      const made = await api.post(`/api/v1/orgs/${org.id}/tokens`, {
        token: owner.accessToken,
        body: { name: `t${i}`, scopes: ['tokens:read'] },
      });
      secrets.push(made.body.token as string);
    }
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.get('/api/v1/auth/whoami', { token: secrets[i % secrets.length] }),
      ),
    );
    const upstreams = new Set(answers.map((a) => a.headers.get('x-upstream')));
    expect(upstreams.size).toBe(3);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(30);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(70);
    expect(refused.every((a) => a.headers.get('ratelimit-budget') === 'organization')).toBe(true);
  });

  it("refuses one organization's credentials on another's routes, and a removed member on every instance", async () => {
    const owner = await newUser(api);
    const member = await newUser(api);
    const acme = await createOrg(api, owner);
    const globex = await createOrg(api, await newUser(api));
    await addMember(acme.id, member.id, 'member');
    const read = await createToken(api, member.accessToken, { scopes: ['projects:read'] });
    const ask = (uri: string) =>
      api.get('/api/v1/forward-auth', {
        token: read.token,
        headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': uri },
      });
    // Three in a row: each instance answers once (round-robin) and caches the memberships.
    for (let i = 0; i < 3; i++) {
      expect((await ask(`/orgs/${acme.slug}/projects/1`)).status).toBe(200);
      expect((await ask(`/orgs/${globex.slug}/projects/1`)).status).toBe(403);
    }
    const removed = await api.delete(`/api/v1/orgs/${acme.id}/members/${member.id}`, {
      token: owner.accessToken,
    });
    expect(removed.status).toBe(204);
    for (let i = 0; i < 3; i++) {
      expect((await ask(`/orgs/${acme.slug}/projects/1`)).status).toBe(403);
    }
  });
});
