import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job locks as lease rows instead of session-level advisory locks: a lease holds through a
 * transaction-pooling proxy (PgBouncer), which lends a server session for one transaction only.
 */
export class JobLeases1763980000000 implements MigrationInterface {
  name = 'JobLeases1763980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "job_leases" (
        "job" character varying(64) NOT NULL,
        "holder" uuid NOT NULL,
        "instance" character varying(128) NOT NULL,
        "acquired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "job_leases_pkey" PRIMARY KEY ("job")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "job_leases"`);
  }
}
