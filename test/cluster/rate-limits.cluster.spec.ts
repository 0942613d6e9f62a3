/**
 * Three instances on loopback against one PostgreSQL and one Redis hold an API token to its
 * rate limit together, round-robin and under concurrent requests.
 */
import { Cluster } from '../support/cluster.js';
import { describeWithRedis } from '../support/environment.js';
import { createToken, newUser, type Api } from '../support/test-app.js';

const describeRedis = await describeWithRedis('test/cluster/rate-limits.cluster.spec.ts');

describeRedis('three instances sharing rate limits', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start(3, { TOKEN_RATE_PER_MINUTE: '30' });
  });
  afterAll(() => cluster.close());

  const call = (api: Api, token: string) => api.get('/api/v1/auth/whoami', { token });

  it('holds an API token to its per-minute limit across the three, round-robin', async () => {
    const owner = await newUser(cluster.apis[0]);
    const token = await createToken(cluster.apis[0], owner.accessToken);
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      statuses.push((await call(cluster.roundRobin(), token.token)).status);
    }
    const allowed = statuses.filter((status) => status === 200).length;
    expect(allowed).toBeGreaterThanOrEqual(29);
    expect(allowed).toBeLessThanOrEqual(31);
    expect(statuses.filter((status) => status === 429)).toHaveLength(45 - allowed);
    expect(statuses.slice(0, 29).every((status) => status === 200)).toBe(true);
  });

  it('holds the limit under concurrent requests to all three at once', async () => {
    const owner = await newUser(cluster.apis[0]);
    const token = await createToken(cluster.apis[0], owner.accessToken);
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () => call(cluster.roundRobin(), token.token)),
    );
    expect(statuses.filter((response) => response.status === 200)).toHaveLength(30);
  });
});
