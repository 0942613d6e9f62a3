import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job `purge-idempotency` is now `purge-records` (it also purges audit and webhook rows):
 * its past runs move to the new name, so that the admin API's last run and run history of the
 * job go on. A run under the new name in the same cron slot (an instance already upgraded)
 * keeps its row; the old one stays under the old name, read by nothing.
 */
export class PurgeRecordsJob1796426837000 implements MigrationInterface {
  name = 'PurgeRecordsJob1796426837000';

  async up(q: QueryRunner): Promise<void> {
    await rename(q, 'purge-idempotency', 'purge-records');
  }

  async down(q: QueryRunner): Promise<void> {
    await rename(q, 'purge-records', 'purge-idempotency');
  }
}

async function rename(q: QueryRunner, from: string, to: string): Promise<void> {
  await q.query(
    `UPDATE "job_runs" SET "job" = $2
     WHERE "job" = $1
       AND NOT EXISTS (
         SELECT 1 FROM "job_runs" "taken" WHERE "taken"."job" = $2 AND "taken"."slot" = "job_runs"."slot"
       )`,
    [from, to],
  );
}
