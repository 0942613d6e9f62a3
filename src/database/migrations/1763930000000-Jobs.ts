import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Jobs1763930000000 implements MigrationInterface {
  name = 'Jobs1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "job_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "job" character varying(64) NOT NULL,
        "trigger" character varying(16) NOT NULL,
        "slot" TIMESTAMP WITH TIME ZONE,
        "instance" character varying(128) NOT NULL,
        "actor_id" uuid,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "outcome" character varying(16) NOT NULL,
        "counts" jsonb,
        "error" character varying(500),
        CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
      )`);
    // The last runs of a job.
    await q.query(`CREATE INDEX "job_runs_job_started_idx" ON "job_runs" ("job", "started_at")`);
    // One scheduled run per job and cron slot, whichever instance gets there first.
    await q.query(
      `CREATE UNIQUE INDEX "job_runs_job_slot_key" ON "job_runs" ("job", "slot") WHERE "slot" IS NOT NULL`,
    );
    // The purges find what ended before the retention cut-off without reading live rows.
    await q.query(
      `CREATE INDEX "api_tokens_ended_idx" ON "api_tokens" ((LEAST("revoked_at", "expires_at")))
       WHERE LEAST("revoked_at", "expires_at") IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "sessions_ended_idx" ON "sessions" ((LEAST("revoked_at", "expires_at", "idle_expires_at")))`,
    );
    await q.query(
      `CREATE INDEX "password_reset_tokens_expires_idx" ON "password_reset_tokens" ("expires_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "password_reset_tokens_expires_idx"`);
    await q.query(`DROP INDEX "sessions_ended_idx"`);
    await q.query(`DROP INDEX "api_tokens_ended_idx"`);
    await q.query(`DROP TABLE "job_runs"`);
  }
}
