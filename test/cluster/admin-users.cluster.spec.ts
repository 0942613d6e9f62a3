/**
 * Three instances on one PostgreSQL and one Redis: an admin's change to a user made through
 * one instance is seen by the other two within a second, although each holds the user's
 * credentials in its caches for 30 s. Only the invalidation bus can make that happen.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Cluster } from '../support/cluster.js';
import { redisEnv } from '../support/redis.js';
import {
  PASSWORD,
  TEST_SECRET,
  createToken,
  login,
  newUser,
  uniqueEmail,
  type Api,
} from '../support/test-app.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep } from '../support/time.js';

const describeRedis = await describeWithRedis('test/cluster/admin-users.cluster.spec.ts');

async function whoami(api: Api, token: string) {
  const response = await api.get('/api/v1/auth/whoami', { token });
  if (response.status === 429) throw new Error('rate-limited: this check cannot tell');
  return response;
}

/** Polls every 10 ms until `done` holds on this instance; how long it took (Infinity: never). */
async function within(done: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > limitMs) return Infinity;
    await sleep(10);
  }
  return Date.now() - started;
}

describeRedis('an admin’s change to a user, across three instances', () => {
  let cluster: Cluster;
  let adminToken: string;
  const admin = { email: uniqueEmail('cluster-admin'), password: PASSWORD };
  // Named here, so that the CLI below can join the instances' key space.
  const redis = redisEnv();

  beforeAll(async () => {
    cluster = await Cluster.start(3, {
      ...redis,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    adminToken = (await login(cluster.apis[0], admin.email)).body.accessToken;
  });
  afterAll(() => cluster?.close());

  /** Every instance has the user's session and API token cached as working. */
  async function cachedEverywhere() {
    const [a] = cluster.apis;
    const user = await newUser(a);
    const token = await createToken(a, user.accessToken);
    for (const api of cluster.apis) {
      expect((await whoami(api, user.accessToken)).status).toBe(200);
      expect((await whoami(api, token.token)).status).toBe(200);
    }
    return { user, token };
  }

  it('disabling through A is refused by B and C within a second; enabling works again as fast', async () => {
    const [a, b, c] = cluster.apis;
    const { user, token } = await cachedEverywhere();
    const change = (disabled: boolean) =>
      a.patch(`/api/v1/admin/users/${user.id}`, { token: adminToken, body: { disabled } });

    expect((await change(true)).status).toBe(200);
    for (const credential of [user.accessToken, token.token]) {
      const refused = await Promise.all(
        [b, c].map((api) =>
          within(async () => (await whoami(api, credential)).status === 401, 2_000),
        ),
      );
      for (const ms of refused) expect(ms).toBeLessThan(1_000);
    }

    expect((await change(false)).status).toBe(200);
    for (const credential of [user.accessToken, token.token]) {
      const back = await Promise.all(
        [b, c].map((api) =>
          within(async () => (await whoami(api, credential)).status === 200, 2_000),
        ),
      );
      for (const ms of back) expect(ms).toBeLessThan(1_000);
    }
  });

  it('a role change through A is seen by B and C within a second', async () => {
    const [a, b, c] = cluster.apis;
    const { user, token } = await cachedEverywhere();
    const promoted = await a.patch(`/api/v1/admin/users/${user.id}`, {
      token: adminToken,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    for (const credential of [user.accessToken, token.token]) {
      const seen = await Promise.all(
        [b, c].map((api) =>
          within(async () => (await whoami(api, credential)).body.role === 'admin', 2_000),
        ),
      );
      for (const ms of seen) expect(ms).toBeLessThan(1_000);
    }
  });

  it('a promotion by the CLI (create-admin --promote) is seen by every instance within a second', async () => {
    const { user } = await cachedEverywhere();
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'src/cli.ts',
        'create-admin',
        '--email',
        user.email,
        '--promote',
      ],
      {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: process.env.TEST_DATABASE_URL,
          APP_SECRET: TEST_SECRET,
          NODE_ENV: 'test',
          // Asked for by create-admin, left unused for an existing user.
          ADMIN_PASSWORD: PASSWORD,
          ...redis,
        },
      },
    );
    const seen = await Promise.all(
      cluster.apis.map((api) =>
        within(async () => (await whoami(api, user.accessToken)).body.role === 'admin', 2_000),
      ),
    );
    for (const ms of seen) expect(ms).toBeLessThan(1_000);
    // Starting the CLI compiles it: seconds, on a busy machine many.
  }, 120_000);
});
