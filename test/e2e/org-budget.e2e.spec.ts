import { redisEnv, redisReachable } from '../support/redis.js';
import { createOrg } from '../support/orgs.js';
import { newUser, startTestApp, type LoggedInUser, type TestApp } from '../support/test-app.js';

/** Makes an org token; fails the test if that does not work. */
async function orgToken(t: TestApp, admin: LoggedInUser, orgId: string, name: string) {
  return (await orgTokenWith(t, admin, orgId, { name })).token;
}

async function orgTokenWith(
  t: TestApp,
  admin: LoggedInUser,
  orgId: string,
  body: Record<string, unknown>,
): Promise<{ id: string; token: string }> {
  const made = await t.api.post(`/api/v1/orgs/${orgId}/tokens`, {
    token: admin.accessToken,
    body: { scopes: ['tokens:read'], ...body },
  });
  if (made.status !== 201) throw new Error(`org token: ${made.text}`);
  return made.body as { id: string; token: string };
}

/**
 * A token's own windows (4 a minute) and quota (10 a day) under an organization's budget of 2
 * a minute: the uses the budget refuses are charged to neither, with a quota and without one.
 */
async function refusedByTheBudget(env: Record<string, string>) {
  const t = await startTestApp(env);
  try {
    const owner = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    const setBudget = async (policy: Record<string, unknown>) =>
      expect(
        (
          await t.api.patch(`/api/v1/orgs/${org.id}`, {
            token: owner.accessToken,
            body: { policy },
          })
        ).status,
      ).toBe(200);
    await setBudget({ rateLimit: { perMinute: 2 } });
    const own = { rateLimit: { perMinute: 4 } };
    const metered = await orgTokenWith(t, owner, org.id, {
      name: 'metered',
      quota: { limit: 10, period: 'day' },
      ...own,
    });
    const plain = await orgTokenWith(t, owner, org.id, { name: 'plain', ...own });
    const use = (token: string) => t.api.get('/api/v1/auth/whoami', { token });
    const remaining = async () =>
      (
        await t.api.get(`/api/v1/orgs/${org.id}/tokens/${metered.id}`, {
          token: owner.accessToken,
        })
      ).body.quota.remaining as number;

    expect((await use(metered.token)).status).toBe(200);
    expect((await use(plain.token)).status).toBe(200);
    expect(await remaining()).toBe(9);
    for (let i = 0; i < 3; i++) {
      for (const token of [metered.token, plain.token]) {
        const refused = await use(token);
        expect(refused.status).toBe(429);
        expect(refused.headers.get('ratelimit-budget')).toBe('organization');
      }
    }
    // Refused by the budget: the quota was not spent.
    expect(await remaining()).toBe(9);

    // Without the budget, each token has 3 of its 4 a minute left, not 0.
    await setBudget({});
    for (let i = 0; i < 3; i++) {
      expect((await use(metered.token)).status).toBe(200);
      expect((await use(plain.token)).status).toBe(200);
    }
    for (const token of [metered.token, plain.token]) {
      const refused = await use(token);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-budget')).toBe('token');
    }
    expect(await remaining()).toBe(6);
  } finally {
    await t.close();
  }
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

  describe('charges a use it refuses to nothing of the token: neither its quota nor its windows', () => {
    it('with the limits in memory', async () => {
      await refusedByTheBudget({});
    });

    it('with the limits in Redis', async () => {
      if (!(await redisReachable('test/e2e/org-budget.e2e.spec.ts'))) return;
      await refusedByTheBudget(redisEnv());
    });
  });
});
