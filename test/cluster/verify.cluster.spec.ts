/**
 * /verify on one instance after a token was ended on another: the answer must follow within
 * the invalidation bus's delay (well under the 30-second cache lifetime), with the reason.
 */
import { Cluster } from '../support/cluster.js';
import {
  PASSWORD,
  createToken,
  login,
  newUser,
  uniqueEmail,
  type Api,
} from '../support/test-app.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep } from '../support/time.js';

const describeRedis = await describeWithRedis('test/cluster/verify.cluster.spec.ts');

describeRedis('verification across two instances', () => {
  let cluster: Cluster;
  let verifier: string;
  const admin = { email: uniqueEmail('verify-admin'), password: PASSWORD };

  beforeAll(async () => {
    cluster = await Cluster.start(2, { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
    const session = (await login(cluster.apis[0], admin.email)).body;
    verifier = (
      await createToken(cluster.apis[0], session.accessToken, { scopes: ['tokens:verify'] })
    ).token;
  });
  afterAll(() => cluster?.close());

  const code = async (api: Api, token: string): Promise<string> => {
    const answer = await api.post('/api/v1/verify', { token: verifier, body: { token } });
    expect(answer.status).toBe(200);
    return answer.body.code as string;
  };

  /** The first code other than VALID on `api`, polling for up to a second. */
  async function nextRefusal(api: Api, token: string): Promise<{ code: string; ms: number }> {
    const started = Date.now();
    for (;;) {
      const answer = await code(api, token);
      if (answer !== 'VALID' || Date.now() - started > 1_000) {
        return { code: answer, ms: Date.now() - started };
      }
      await sleep(10);
    }
  }

  const ends: Record<string, (a: Api, owner: string, id: string) => Promise<number>> = {
    revoked: async (a, owner, id) =>
      (await a.delete(`/api/v1/tokens/${id}`, { token: owner })).status,
    'rotated without grace': async (a, owner, id) =>
      (await a.post(`/api/v1/tokens/${id}/rotate`, { token: owner, body: {} })).status,
  };

  it.each(Object.keys(ends))('a token %s on A is REVOKED on the next /verify on B', async (how) => {
    const [a, b] = cluster.apis;
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken);
    // B has it cached: for 30 s it would not look again on its own.
    expect(await code(b, token.token)).toBe('VALID');
    expect([204, 201]).toContain(await ends[how](a, owner.accessToken, token.id));
    expect(await code(a, token.token)).toBe('REVOKED');
    const onB = await nextRefusal(b, token.token);
    expect(onB.code).toBe('REVOKED');
    expect(onB.ms).toBeLessThan(1_000);
  });
});
