import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1763940000000 implements MigrationInterface {
  name = 'Webhooks1763940000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign keys: an event outlives the token it tells of (purged tokens).
    await q.query(`
      CREATE TABLE "webhook_outbox" (
        "id" uuid NOT NULL,
        "event_type" character varying(48) NOT NULL,
        "payload" jsonb NOT NULL,
        "dedupe_key" character varying(200),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE DEFAULT now(),
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "failed_at" TIMESTAMP WITH TIME ZONE,
        "last_error" character varying(200),
        CONSTRAINT "webhook_outbox_pkey" PRIMARY KEY ("id")
      )`);
    // The senders' claim of due rows (finished rows have no next attempt).
    await q.query(`CREATE INDEX "webhook_outbox_due_idx" ON "webhook_outbox" ("next_attempt_at")`);
    // An event produced by a job on several instances is recorded once.
    await q.query(
      `CREATE UNIQUE INDEX "webhook_outbox_dedupe_key_key" ON "webhook_outbox" ("dedupe_key")`,
    );
    // Purge of finished rows.
    await q.query(`CREATE INDEX "webhook_outbox_created_idx" ON "webhook_outbox" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_outbox"`);
  }
}
