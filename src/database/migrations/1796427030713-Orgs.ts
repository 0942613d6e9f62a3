import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations and their members; audit events name the organization they concern.
 * A deleted organization keeps its row (its tokens' audit trail points at it) but gives up its
 * slug: the slug is unique among live organizations only.
 */
export class Orgs1796427030713 implements MigrationInterface {
  name = 'Orgs1796427030713';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "orgs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(100) NOT NULL,
        "slug" character varying(40) NOT NULL,
        "policy" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "deleted_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "orgs_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "orgs_slug_key" ON "orgs" ("slug") WHERE "deleted_at" IS NULL`,
    );
    // Admins' list of every organization, newest first.
    await q.query(`CREATE INDEX "orgs_created_idx" ON "orgs" ("created_at", "id")`);

    await q.query(`
      CREATE TABLE "org_members" (
        "org_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" character varying(16) NOT NULL,
        "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "org_members_pkey" PRIMARY KEY ("org_id", "user_id"),
        CONSTRAINT "org_members_role_check" CHECK ("role" IN ('owner', 'admin', 'member')),
        CONSTRAINT "org_members_org_id_fkey" FOREIGN KEY ("org_id")
          REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "org_members_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    // A user's organizations (GET /orgs, the memberships a credential carries).
    await q.query(`CREATE INDEX "org_members_user_idx" ON "org_members" ("user_id")`);

    await q.query(`ALTER TABLE "audit_events" ADD "org_id" uuid`);
    await q.query(
      `CREATE INDEX "audit_events_org_idx" ON "audit_events" ("org_id", "occurred_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "audit_events_org_idx"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "org_id"`);
    await q.query(`DROP TABLE "org_members"`);
    await q.query(`DROP TABLE "orgs"`);
  }
}
