import { redisEnv, redisReachable } from '../support/redis.js';
import { createOrg } from '../support/orgs.js';
import { newUser, startTestApp, type LoggedInUser, type TestApp } from '../support/test-app.js';

/** Makes an org token; fails the test if that does not work. */
async function orgToken(t: TestApp, admin: LoggedInUser, orgId: string, name: string) {
  const made = await t.api.post(`/api/v1/orgs/${orgId}/tokens`, {
    token: admin.accessToken,
    body: { name, scopes: ['tokens:read'] },
  });
  if (made.status !== 201) throw new Error(`org token: ${made.text}`);
  return made.body.token as string;
}

describe("An organization's shared rate limit", () => {
  it('is one budget for all its tokens, and the 429 says the organization ran out', async () => {
    const t = await startTestApp();
    try {
      const owner = await newUser(t.api);
      const org = await createOrg(t.api, owner);
      const policy = await t.api.patch(`/api/v1/orgs/${org.id}`, {
        token: owner.accessToken,
        body: { policy: { rateLimit: { perMinute: 5 } } },
      });
      expect(policy.status).toBe(200);
      const [a, b] = [await orgToken(t, owner, org.id, 'a'), await orgToken(t, owner, org.id, 'b')];
      const use = (token: string) => t.api.get('/api/v1/auth/whoami', { token });
      const statuses = [];
      for (const token of [a, a, a, b, b]) statuses.push((await use(token)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const refused = await use(b);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-budget')).toBe('organization');
      expect(refused.headers.get('ratelimit-limit')).toBe('5');
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.message).toContain('organization');
      expect((await use(a)).status).toBe(429);
      // The owner's own credentials are not the organization's: no shared budget for them.
      expect((await t.api.get('/api/v1/auth/whoami', { token: owner.accessToken })).status).toBe(
        200,
      );
      // Lifting the limit takes effect on the next request: the cached tokens are dropped.
      await t.api.patch(`/api/v1/orgs/${org.id}`, {
        token: owner.accessToken,
        body: { policy: {} },
      });
      expect((await use(a)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('admits exactly the budget across three instances sharing Redis under 100 concurrent requests', async () => {
    if (!(await redisReachable('test/e2e/org-budget.e2e.spec.ts'))) return;
    const env = redisEnv();
    const apps = await Promise.all([1, 2, 3].map(() => startTestApp(env)));
    try {
      const [first] = apps;
      const owner = await newUser(first.api);
      const org = await createOrg(first.api, owner);
      await first.api.patch(`/api/v1/orgs/${org.id}`, {
        token: owner.accessToken,
        body: { policy: { rateLimit: { perMinute: 30, perHour: 1000 } } },
      });
      const secrets: string[] = [];
      for (let i = 0; i < 4; i++) secrets.push(await orgToken(first, owner, org.id, `t${i}`));
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          apps[i % 3].api.get('/api/v1/auth/whoami', { token: secrets[i % 4] }),
        ),
      );
      const ok = answers.filter((a) => a.status === 200).length;
      const limited = answers.filter((a) => a.status === 429);
      expect(ok).toBe(30);
      expect(limited).toHaveLength(70);
      expect(limited.every((a) => a.headers.get('ratelimit-budget') === 'organization')).toBe(true);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });
});
