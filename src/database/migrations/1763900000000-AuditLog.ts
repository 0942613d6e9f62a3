import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1763900000000 implements MigrationInterface {
  name = 'AuditLog1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign keys: the log outlives what it mentions (purged tokens and sessions).
    await q.query(`
      CREATE TABLE "audit_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "action" character varying(48) NOT NULL,
        "actor_id" uuid,
        "actor_via" character varying(16),
        "actor_credential_id" uuid,
        "target_type" character varying(16) NOT NULL,
        "target_id" uuid,
        "owner_id" uuid,
        "ip" character varying(45),
        "user_agent" character varying(512),
        "details" jsonb NOT NULL,
        CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
      )`);
    // Newest-first listing with a (time, id) cursor, and the actor and target filters.
    await q.query(
      `CREATE INDEX "audit_events_occurred_idx" ON "audit_events" ("occurred_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "audit_events_actor_idx" ON "audit_events" ("actor_id", "occurred_at")`,
    );
    await q.query(
      `CREATE INDEX "audit_events_target_idx" ON "audit_events" ("target_id", "occurred_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_events"`);
  }
}
