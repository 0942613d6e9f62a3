/**
 * Two instances on one PostgreSQL and one Redis: a string that instance A has already answered
 * "not found" for (and cached so) works on A as soon as B has imported it, long before A's
 * cache lifetime would have run out.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Cluster } from '../support/cluster.js';
import { PASSWORD, login, newUser, uniqueEmail } from '../support/test-app.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep } from '../support/time.js';

const describeRedis = await describeWithRedis('test/cluster/token-import.cluster.spec.ts');

describeRedis('importing tokens on a cluster', () => {
  let cluster: Cluster;
  const adminEmail = uniqueEmail('admin');

  beforeAll(async () => {
    cluster = await Cluster.start(2, {
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: PASSWORD,
      TOKEN_CACHE_TTL_SECONDS: '300',
    });
  });
  afterAll(() => cluster?.close());

  it('drops the cached "not found" of an imported token on every instance', async () => {
    const [a, b] = cluster.apis;
    const admin = (await login(b, adminEmail)).body.accessToken as string;
    const owner = await newUser(a);
    const secret = `legacy-${randomBytes(16).toString('hex')}`;
    // A looks it up once and caches the miss for up to 300 s.
    expect((await a.get('/api/v1/auth/whoami', { token: secret })).status).toBe(401);
    expect((await a.get('/api/v1/auth/whoami', { token: secret })).status).toBe(401);

    const imported = await b.post('/api/v1/admin/tokens/import', {
      token: admin,
      body: {
        tokens: [
          {
            ownerId: owner.id,
            name: 'old key',
            sha256: createHash('sha256').update(secret).digest('hex'),
            scopes: ['tokens:read'],
          },
        ],
      },
    });
    expect(imported.body).toEqual({ imported: 1, skipped: 0, errors: [], skippedRows: [] });

    const deadline = Date.now() + 2_000;
    let status = 401;
    while (status !== 200 && Date.now() < deadline) {
      status = (await a.get('/api/v1/auth/whoami', { token: secret })).status;
      if (status !== 200) await sleep(20);
    }
    expect(status).toBe(200);
  });
});
