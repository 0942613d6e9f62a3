import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { PurgeRecordsJob1796426837000 } from '../../src/database/migrations/1796426837000-PurgeRecordsJob.js';

/**
 * The job `purge-idempotency` became `purge-records`: its recorded runs follow it, so that the
 * admin API's last run and history of the job go on after the upgrade.
 */
describe('Migration of the runs of purge-idempotency to purge-records', () => {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `tessera_jobrename_${Date.now()}_${process.pid}`;
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  let admin: pg.Client;
  let sql: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const before = new DataSource({
      ...dataSourceOptions(fresh.toString(), 1),
      migrations: MIGRATIONS.filter((migration) => migration !== PurgeRecordsJob1796426837000),
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'all' });
    await before.destroy();
    sql = new pg.Client({ connectionString: fresh.toString() });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
  });

  it('renames the old runs, keeps a run the new name already has in the same slot, and touches no other job', async () => {
    const run = async (job: string, slot: string | null) =>
      (
        await sql.query<{ id: string }>(
          `INSERT INTO job_runs (job, trigger, slot, instance, outcome)
           VALUES ($1, $2, $3, 'host-1', 'ok') RETURNING id`,
          [job, slot ? 'schedule' : 'admin', slot],
        )
      ).rows[0].id;
    const scheduled = await run('purge-idempotency', '2026-01-01T03:00:00Z');
    const byAdmin = await run('purge-idempotency', null);
    // An instance already upgraded ran the new name in this slot before the migration.
    const clash = await run('purge-idempotency', '2026-01-02T03:00:00Z');
    const upgraded = await run('purge-records', '2026-01-02T03:00:00Z');
    const other = await run('purge-tokens', '2026-01-01T03:00:00Z');

    expect(await runMigrations(fresh.toString())).toEqual([
      new PurgeRecordsJob1796426837000().name,
    ]);

    const { rows } = await sql.query<{ id: string; job: string }>(`SELECT id, job FROM job_runs`);
    const jobs = Object.fromEntries(rows.map((row) => [row.id, row.job]));
    expect(jobs).toEqual({
      [scheduled]: 'purge-records',
      [byAdmin]: 'purge-records',
      [clash]: 'purge-idempotency',
      [upgraded]: 'purge-records',
      [other]: 'purge-tokens',
    });
  });
});
