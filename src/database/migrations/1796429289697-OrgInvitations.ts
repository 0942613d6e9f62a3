import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invitations to organizations: single-use links by mail, kept hashed. */
export class OrgInvitations1796429289697 implements MigrationInterface {
  name = 'OrgInvitations1796429289697';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "org_invitations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "email" character varying(320) NOT NULL,
        "role" character varying(16) NOT NULL,
        "token_hash" bytea NOT NULL,
        "invited_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "withdrawn_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "org_invitations_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "org_invitations_role_check" CHECK ("role" IN ('owner', 'admin', 'member')),
        CONSTRAINT "org_invitations_org_id_fkey" FOREIGN KEY ("org_id")
          REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "org_invitations_invited_by_fkey" FOREIGN KEY ("invited_by")
          REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "org_invitations_token_hash_key" ON "org_invitations" ("token_hash")`,
    );
    // An organization's pending invitations, and whether an email has one (REGISTRATION=invite).
    await q.query(
      `CREATE INDEX "org_invitations_org_idx" ON "org_invitations" ("org_id", "created_at")`,
    );
    await q.query(`CREATE INDEX "org_invitations_email_idx" ON "org_invitations" ("email")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "org_invitations"`);
  }
}
