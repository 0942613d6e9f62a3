/**
 * Three instances on loopback against one PostgreSQL and one Redis: what one instance changes,
 * the others see within a second, and limits hold for the three together.
 *
 * The three are whole applications started in this process (see test/support/cluster.ts), not
 * child processes: each has its own credential caches, rate limiter, Redis connections and
 * HTTP server, so nothing passes between them except through PostgreSQL and Redis, and a run
 * costs a second instead of three compilations of the service. Revocation is measured against
 * the 30-second cache lifetime: only the invalidation bus can make it take under a second.
 *
 * To add a case: add an entry to `revocations`, or an `it` using `cluster.apis` /
 * `cluster.roundRobin()`.
 */
import { SchedulerRegistry } from '@nestjs/schedule';
import type pg from 'pg';
import { Cluster } from '../support/cluster.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
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
import { sqlClient } from '../support/database.js';

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

describeRedis('three instances sharing the scheduled jobs', () => {
  let cluster: Cluster;
  let db: IsolatedDatabase;
  let sql: pg.Client;
  const admin = { email: uniqueEmail('cluster-admin'), password: PASSWORD };

  beforeAll(async () => {
    // A database of its own: the purge empties whole tables of what is due.
    db = await isolatedDatabase();
    cluster = await Cluster.start(3, {
      DATABASE_URL: db.url,
      SCHEDULER_ENABLED: 'true',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    sql = await sqlClient(db.url);
  });
  afterAll(async () => {
    await sql?.end();
    await cluster?.close();
    await db?.drop();
  });

  async function dueTokens(n: number) {
    const [{ id }] = (
      await sql.query<{ id: string }>(
        `INSERT INTO users (email, password_hash) VALUES ($1, 'x') RETURNING id`,
        [uniqueEmail('filler')],
      )
    ).rows;
    await sql.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at)
       SELECT $1, 'old ' || gen_random_uuid(), 'tsr_xxxx', sha256(uuid_send(gen_random_uuid())), '{tokens:read}', '{}',
              now() - interval '30 days'
       FROM generate_series(1, $2::int)`,
      [id, n],
    );
  }

  /** A counter's value on one instance, from its /metrics. */
  async function metric(api: Api, line: string): Promise<number> {
    const text = (await api.get('/metrics')).text;
    const found = text.split('\n').find((l) => l.startsWith(line + ' '));
    return found ? Number(found.slice(line.length + 1)) : 0;
  }

  it('a scheduled purge fired on all three at once runs once', async () => {
    await dueTokens(20_000);
    const nodes = cluster.nodes.map((node) => node.app.get(SchedulerRegistry));
    await Promise.all(nodes.map((registry) => registry.getCronJob('purge-tokens').fireOnTick()));

    const runs = await sql.query(`SELECT counts FROM job_runs WHERE job = 'purge-tokens'`);
    expect(runs.rows).toEqual([{ counts: { tokens: 20_000 } }]);
    const ok = 'tessera_job_runs_total{job="purge-tokens",outcome="ok"}';
    const skipped = 'tessera_job_runs_total{job="purge-tokens",outcome="skipped"}';
    const purged = 'tessera_purged_rows_total{kind="tokens"}';
    const sum = async (line: string) =>
      (await Promise.all(cluster.apis.map((api) => metric(api, line)))).reduce((a, b) => a + b);
    expect(await sum(ok)).toBe(1);
    expect(await sum(skipped)).toBe(2);
    expect(await sum(purged)).toBe(20_000);
  });

  it('a purge asked of all three at once by an admin deletes each row once', async () => {
    await dueTokens(20_000);
    const session = await login(cluster.apis[0], admin.email, admin.password);
    const token = session.body.accessToken as string;
    const answers = await Promise.all(
      cluster.apis.map((api) => api.post('/api/v1/admin/purge', { token, body: {} })),
    );
    // Whoever finds a purge running is told so; one that comes after finds nothing left.
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    const done = answers.filter((answer) => answer.status === 200);
    expect(done.map((answer) => answer.body.tokens).sort((a, b) => b - a)[0]).toBe(20_000);
    expect(done.reduce((total, answer) => total + answer.body.tokens, 0)).toBe(20_000);
    const left = await sql.query(`SELECT count(*)::int AS n FROM api_tokens`);
    expect(left.rows[0].n).toBe(0);
  });
});

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
