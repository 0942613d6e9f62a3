/**
 * Three instances on loopback against one PostgreSQL and one Redis share the scheduled jobs: a
 * job fired on all three at once runs once, and an admin's purge deletes each row once.
 */
import { SchedulerRegistry } from '@nestjs/schedule';
import type pg from 'pg';
import { Cluster } from '../support/cluster.js';
import { sqlClient } from '../support/database.js';
import { describeWithRedis } from '../support/environment.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { PASSWORD, login, uniqueEmail, type Api } from '../support/test-app.js';

const describeRedis = await describeWithRedis('test/cluster/scheduled-jobs.cluster.spec.ts');

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
