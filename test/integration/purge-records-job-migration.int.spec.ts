import type pg from 'pg';
import { runMigrations } from '../../src/database/migrate.js';
import { PurgeRecordsJob1796426837000 } from '../../src/database/migrations/1796426837000-PurgeRecordsJob.js';
import {
  databaseBeforeMigration,
  type DatabaseBeforeMigration,
} from '../support/database-before-migration.js';

/**
 * The job `purge-idempotency` became `purge-records`: its recorded runs follow it, so that the
 * admin API's last run and history of the job go on after the upgrade.
 */
describe('Migration of the runs of purge-idempotency to purge-records', () => {
  let db: DatabaseBeforeMigration;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await databaseBeforeMigration('tessera_jobrename', PurgeRecordsJob1796426837000);
    sql = db.sql;
  });

  afterAll(() => db?.drop());

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

    // It runs first, on the rows as they were; the later migrations follow.
    expect((await runMigrations(db.url))[0]).toBe(new PurgeRecordsJob1796426837000().name);

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
