import { SchedulerRegistry } from '@nestjs/schedule';
import { CronTime } from 'cron';
import type pg from 'pg';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';
import { sleep } from '../support/time.js';
import { sqlClient } from '../support/database.js';

const JOBS = ['purge-tokens', 'purge-sessions', 'purge-records', 'notify-expiring-tokens'];

/** The scheduler: schedules from config, one run at a time across instances, runs recorded. */
describe('Scheduled jobs', () => {
  let db: IsolatedDatabase;
  let a: AdminApp;
  let b: AdminApp;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await isolatedDatabase();
    const env = {
      DATABASE_URL: db.url,
      SCHEDULER_ENABLED: 'true',
      PURGE_CRON: '17 4 * * *',
      PURGE_RECORDS_CRON: '*/5 * * * *',
    };
    // Two instances on one database; the second schedules no purge of sessions.
    [a, b] = await Promise.all([
      startAdminApp(env),
      startAdminApp({ ...env, JOBS_DISABLED: 'purge-sessions' }),
    ]);
    sql = await sqlClient(db.url);
  });

  afterAll(async () => {
    await sql?.end();
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  const fire = (app: AdminApp, job: string) =>
    app.app.get(SchedulerRegistry).getCronJob(job).fireOnTick();

  it('lists every job with its cron, switch, last result and next run', async () => {
    const before = await a.api.get('/api/v1/admin/jobs', { token: a.adminToken });
    expect(before.status).toBe(200);
    expect(before.body.map((job: { name: string }) => job.name)).toEqual(JOBS);
    const tokens = before.body[0];
    expect(tokens).toMatchObject({
      name: 'purge-tokens',
      cron: '17 4 * * *',
      timeZone: 'UTC',
      enabled: true,
      running: false,
    });
    // The next run is where the cron expression says.
    const expected = new CronTime('17 4 * * *', 'UTC').sendAt().toJSDate().toISOString();
    expect(tokens.nextRunAt).toBe(expected);
    expect(before.body[2]).toMatchObject({ name: 'purge-records', cron: '*/5 * * * *' });
    // Not a purge: its own schedule, on even with the purges off.
    expect(before.body[3]).toMatchObject({ name: 'notify-expiring-tokens', cron: '0 8 * * *' });

    const onB = await b.api.get('/api/v1/admin/jobs', { token: b.adminToken });
    const sessions = onB.body.find((job: { name: string }) => job.name === 'purge-sessions');
    expect(sessions).toMatchObject({ enabled: false, nextRunAt: null });

    const run = await a.api.post('/api/v1/admin/jobs/purge-tokens/run', {
      token: a.adminToken,
      body: {},
    });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      job: 'purge-tokens',
      trigger: 'admin',
      outcome: 'ok',
      counts: { tokens: 0 },
    });
    const after = await b.api.get('/api/v1/admin/jobs', { token: b.adminToken });
    expect(after.body[0].lastResult).toMatchObject({
      id: run.body.id,
      outcome: 'ok',
      trigger: 'admin',
    });
    expect(after.body[0].lastRunAt).toBe(after.body[0].lastResult.startedAt);

    const runs = await a.api.get('/api/v1/admin/jobs/purge-tokens/runs?limit=5', {
      token: a.adminToken,
    });
    expect(runs.body[0].id).toBe(run.body.id);
    expect((await a.api.get('/api/v1/admin/jobs/nope/runs', { token: a.adminToken })).status).toBe(
      404,
    );
    expect(
      (await a.api.post('/api/v1/admin/jobs/nope/run', { token: a.adminToken, body: {} })).status,
    ).toBe(404);
    expect(
      (
        await a.api.post('/api/v1/admin/jobs/purge-tokens/run', {
          token: a.adminToken,
          body: { dryRun: 'yes' },
        })
      ).status,
    ).toBe(400);
  });

  it('answers to the former name of purge-records, purge-idempotency', async () => {
    const run = await a.api.post('/api/v1/admin/jobs/purge-idempotency/run', {
      token: a.adminToken,
      body: {},
    });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ job: 'purge-records', outcome: 'ok' });
    const runs = await a.api.get('/api/v1/admin/jobs/purge-idempotency/runs', {
      token: a.adminToken,
    });
    expect(runs.status).toBe(200);
    expect(runs.body[0].id).toBe(run.body.id);
    const current = await a.api.get('/api/v1/admin/jobs/purge-records/runs', {
      token: a.adminToken,
    });
    expect(runs.body).toEqual(current.body);
  });

  it('runs a scheduled time once, whichever instances fire it, at once or one after the other', async () => {
    await sql.query(`DELETE FROM job_runs WHERE job = 'purge-records'`);
    // Both instances fire at once, then each again (a later clock): one run in all.
    await Promise.all([fire(a, 'purge-records'), fire(b, 'purge-records')]);
    await fire(a, 'purge-records');
    await fire(b, 'purge-records');
    const runs = await sql.query(
      `SELECT trigger, slot, outcome FROM job_runs WHERE job = 'purge-records'`,
    );
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]).toMatchObject({ trigger: 'schedule', outcome: 'ok' });
    expect(runs.rows[0].slot.getUTCSeconds()).toBe(0);
  });

  it('skips a job that is running elsewhere: the schedule logs it, the API answers 409, nothing is recorded', async () => {
    // Another instance is running purge-tokens: it holds the lease.
    await sql.query(
      `INSERT INTO job_leases (job, holder, instance, expires_at)
       VALUES ('purge-tokens', gen_random_uuid(), 'elsewhere:1', now() + interval '1 minute')`,
    );
    try {
      const jobs = await a.api.get('/api/v1/admin/jobs', { token: a.adminToken });
      expect(jobs.body[0]).toMatchObject({ name: 'purge-tokens', running: true });
      expect(jobs.body[1]).toMatchObject({ name: 'purge-sessions', running: false });

      const before = await sql.query(`SELECT count(*)::int AS n FROM job_runs`);
      const purge = await a.api.post('/api/v1/admin/purge', { token: a.adminToken, body: {} });
      expect(purge.status).toBe(409);
      expect(purge.body.message).toMatch(/purge-tokens is running/);
      await fire(b, 'purge-tokens');
      // All or none: purge-sessions did not run either.
      expect((await sql.query(`SELECT count(*)::int AS n FROM job_runs`)).rows[0].n).toBe(
        before.rows[0].n,
      );
      // A dry run needs no lock.
      const dry = await a.api.post('/api/v1/admin/purge', {
        token: a.adminToken,
        body: { dryRun: true },
      });
      expect(dry.status).toBe(200);
    } finally {
      await sql.query(`DELETE FROM job_leases WHERE instance = 'elsewhere:1'`);
    }
    const after = await a.api.post('/api/v1/admin/purge', { token: a.adminToken, body: {} });
    expect(after.status).toBe(200);
  });

  it('two instances asked to purge at once: one runs, the other is told it is busy', async () => {
    // Enough work to overlap: 30,000 due tokens in small batches.
    const user = await newUser(a.api);
    await sql.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at)
       SELECT $1, 'old ' || g, 'tsr_xxxx', sha256(('x' || g)::bytea), '{tokens:read}', '{}', now() - interval '30 days'
       FROM generate_series(1, 30000) g`,
      [user.id],
    );
    const before = await sql.query(
      `SELECT count(*)::int AS n FROM job_runs WHERE job = 'purge-tokens'`,
    );
    const [first, second] = await Promise.all([
      a.api.post('/api/v1/admin/jobs/purge-tokens/run', { token: a.adminToken, body: {} }),
      (async () => {
        // Once the first has its lease.
        for (let i = 0; i < 200; i++) {
          const held = await sql.query(
            `SELECT 1 FROM job_leases WHERE job = 'purge-tokens' AND expires_at > now()`,
          );
          if (held.rowCount) break;
          await sleep(5);
        }
        return b.api.post('/api/v1/admin/jobs/purge-tokens/run', { token: b.adminToken, body: {} });
      })(),
    ]);
    expect([first.status, second.status]).toEqual([200, 409]);
    expect(first.body.counts.tokens).toBe(30_000);
    const after = await sql.query(
      `SELECT count(*)::int AS n FROM job_runs WHERE job = 'purge-tokens'`,
    );
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  }, 60_000);

  it('frees a lease left by a runner that died once it expires, and releases its own at the end', async () => {
    await sql.query(
      `INSERT INTO job_leases (job, holder, instance, expires_at)
       VALUES ('purge-sessions', gen_random_uuid(), 'gone:2', now() - interval '1 second')`,
    );
    const jobs = await a.api.get('/api/v1/admin/jobs', { token: a.adminToken });
    expect(jobs.body[1]).toMatchObject({ name: 'purge-sessions', running: false });
    const run = await b.api.post('/api/v1/admin/jobs/purge-sessions/run', {
      token: b.adminToken,
      body: {},
    });
    expect(run.status).toBe(200);
    expect(run.body.outcome).toBe('ok');
    expect((await sql.query(`SELECT * FROM job_leases`)).rows).toEqual([]);
  });

  it('closes a run left "running" by an instance that died', async () => {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO job_runs (job, trigger, instance, outcome, started_at)
       VALUES ('purge-sessions', 'schedule', 'gone:1', 'running', now() - interval '1 hour') RETURNING id`,
    );
    const run = await a.api.post('/api/v1/admin/jobs/purge-sessions/run', {
      token: a.adminToken,
      body: {},
    });
    expect(run.status).toBe(200);
    const stale = await sql.query(
      `SELECT outcome, error, finished_at FROM job_runs WHERE id = $1`,
      [rows[0].id],
    );
    expect(stale.rows[0]).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/Interrupted/),
    });
    expect(stale.rows[0].finished_at).toBeInstanceOf(Date);
  });

  it('is closed to anyone but admins: 403 for users, whatever their credential', async () => {
    const user = await newUser(a.api);
    const token = await createToken(a.api, user.accessToken, {
      scopes: ['tokens:read', 'tokens:write'],
    });
    const routes: [string, string][] = [
      ['POST', '/api/v1/admin/purge'],
      ['GET', '/api/v1/admin/jobs'],
      ['POST', '/api/v1/admin/jobs/purge-tokens/run'],
      ['GET', '/api/v1/admin/jobs/purge-tokens/runs'],
      ['GET', `/api/v1/admin/users/${user.id}/tokens`],
      ['DELETE', `/api/v1/admin/tokens/${token.id}`],
      ['GET', '/api/v1/admin/audit'],
    ];
    const before = await sql.query(`SELECT count(*)::int AS n FROM job_runs`);
    for (const [method, path] of routes) {
      for (const credential of [user.accessToken, token.token]) {
        const response = await a.api.request(method, path, {
          token: credential,
          body: method === 'POST' ? {} : undefined,
        });
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
        expect(response.headers.get('www-authenticate')).toBe(
          'Bearer realm="tessera", error="insufficient_scope", scope="admin"',
        );
      }
      expect((await a.api.request(method, path)).status).toBe(401);
    }
    expect((await sql.query(`SELECT count(*)::int AS n FROM job_runs`)).rows[0].n).toBe(
      before.rows[0].n,
    );
    expect((await a.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(200);
  });
});
