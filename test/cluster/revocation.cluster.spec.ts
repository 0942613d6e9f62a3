/**
 * Three instances on loopback against one PostgreSQL and one Redis: a credential ended on one
 * instance is refused by the others within a second. (Scheduled jobs and rate limits shared by
 * instances: scheduled-jobs.cluster.spec.ts, rate-limits.cluster.spec.ts.)
 *
 * The three are whole applications started in this process (see test/support/cluster.ts), not
 * child processes: each has its own credential caches, rate limiter, Redis connections and
 * HTTP server, so nothing passes between them except through PostgreSQL and Redis, and a run
 * costs a second instead of three compilations of the service. Revocation is measured against
 * the 30-second cache lifetime: only the invalidation bus can make it take under a second.
 *
 * To add a case: add an entry to `revocations`.
 */
import { Cluster } from '../support/cluster.js';
import { PASSWORD, createToken, login, newUser, type Api } from '../support/test-app.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep } from '../support/time.js';

const describeRedis = await describeWithRedis('test/cluster/revocation.cluster.spec.ts');

/** A credential, whether it still works as it did on one instance, and how A ends it. */
interface Revocation {
  stillWorks(api: Api): Promise<boolean>;
  end(a: Api): Promise<void>;
}

/** A 429 would look like a refusal: these checks must never meet a rate limit. */
async function whoami(api: Api, token: string) {
  const response = await api.get('/api/v1/auth/whoami', { token });
  if (response.status === 429) throw new Error('rate-limited: this check cannot tell');
  return response;
}
const works = async (api: Api, token: string) => (await whoami(api, token)).status === 200;

const revocations: Record<string, (a: Api) => Promise<Revocation>> = {
  'an API token revoked': async (a) => {
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken);
    return {
      stillWorks: (api) => works(api, token.token),
      end: async (api) => {
        const response = await api.delete(`/api/v1/tokens/${token.id}`, {
          token: owner.accessToken,
        });
        expect(response.status).toBe(204);
      },
    };
  },
  'an API token rotated without grace': async (a) => {
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken);
    return {
      stillWorks: (api) => works(api, token.token),
      end: async (api) => {
        const response = await api.post(`/api/v1/tokens/${token.id}/rotate`, {
          token: owner.accessToken,
        });
        expect(response.status).toBe(201);
      },
    };
  },
  'an API token narrowed by PATCH': async (a) => {
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken, {
      scopes: ['tokens:read', 'profile:read'],
    });
    return {
      stillWorks: async (api) =>
        ((await whoami(api, token.token)).body?.scopes ?? []).includes('tokens:read'),
      end: async (api) => {
        const response = await api.request('PATCH', `/api/v1/tokens/${token.id}`, {
          token: owner.accessToken,
          body: { scopes: ['profile:read'] },
        });
        expect(response.status).toBe(200);
      },
    };
  },
  'a session logged out': async (a) => {
    const user = await newUser(a);
    return {
      stillWorks: (api) => works(api, user.accessToken),
      end: async (api) => {
        const response = await api.post('/api/v1/auth/logout', { token: user.accessToken });
        expect(response.status).toBe(204);
      },
    };
  },
  'a session revoked from another session': async (a) => {
    const user = await newUser(a);
    const other = (await login(a, user.email)).body;
    return {
      stillWorks: (api) => works(api, other.accessToken),
      end: async (api) => {
        const response = await api.delete(`/api/v1/sessions/${other.sessionId}`, {
          token: user.accessToken,
        });
        expect(response.status).toBe(204);
      },
    };
  },
  'every session, by logout-all': async (a) => {
    const user = await newUser(a);
    const other = (await login(a, user.email)).body;
    return {
      stillWorks: async (api) =>
        (await works(api, user.accessToken)) || (await works(api, other.accessToken)),
      end: async (api) => {
        const response = await api.post('/api/v1/auth/logout-all', { token: user.accessToken });
        expect(response.status).toBe(200);
      },
    };
  },
  'the other sessions, by a password change': async (a) => {
    const user = await newUser(a);
    const other = (await login(a, user.email)).body;
    return {
      stillWorks: (api) => works(api, other.accessToken),
      end: async (api) => {
        const response = await api.post('/api/v1/auth/password', {
          token: user.accessToken,
          body: { currentPassword: PASSWORD, newPassword: 'another horse battery' },
        });
        expect(response.status).toBe(204);
      },
    };
  },
};

/** Polls every 10 ms until `check` is false on this instance; returns how long it took. */
async function refusedWithin(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  while (await check()) {
    if (Date.now() - started > limitMs) return Infinity;
    await sleep(10);
  }
  return Date.now() - started;
}

describeRedis('three instances on one PostgreSQL and one Redis', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start(3);
  });
  afterAll(() => cluster.close());

  it.each(Object.keys(revocations))(
    '%s through A is refused by B and C within one second',
    async (name) => {
      const [a, b, c] = cluster.apis;
      const credential = await revocations[name](a);
      // B and C have it cached: for 30 s they would not look again on their own.
      for (const api of [a, b, c]) expect(await credential.stillWorks(api)).toBe(true);
      await credential.end(a);
      expect(await credential.stillWorks(a)).toBe(false);
      const [onB, onC] = await Promise.all(
        [b, c].map((api) => refusedWithin(() => credential.stillWorks(api), 2_000)),
      );
      expect(onB).toBeLessThan(1_000);
      expect(onC).toBeLessThan(1_000);
    },
  );
});
