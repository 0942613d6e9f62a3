import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens owned by an organization: a token belongs to a user or to an organization, never
 * both; `created_by` keeps who made it (set null when that user is deleted: the token lives on).
 */
export class OrgTokens1796427664886 implements MigrationInterface {
  name = 'OrgTokens1796427664886';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_tokens" ALTER COLUMN "user_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "api_tokens" ADD "org_id" uuid`);
    await q.query(`ALTER TABLE "api_tokens" ADD "created_by" uuid`);
    await q.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_owner_check"
       CHECK (("user_id" IS NULL) <> ("org_id" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_fkey" FOREIGN KEY ("org_id")
       REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_fkey" FOREIGN KEY ("created_by")
       REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // An organization's tokens, newest first; also its count of active tokens.
    await q.query(
      `CREATE INDEX "api_tokens_org_created_idx" ON "api_tokens" ("org_id", "created_at", "id")`,
    );
    // An active org token's name is unique in its organization, as a user's is for the user.
    await q.query(
      `CREATE UNIQUE INDEX "api_tokens_org_active_name_key" ON "api_tokens" ("org_id", "name")
       WHERE "revoked_at" IS NULL AND NOT "name_released"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "api_tokens" WHERE "org_id" IS NOT NULL`);
    await q.query(`DROP INDEX "api_tokens_org_active_name_key"`);
    await q.query(`DROP INDEX "api_tokens_org_created_idx"`);
    await q.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_created_by_fkey"`);
    await q.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_org_id_fkey"`);
    await q.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_owner_check"`);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "created_by"`);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "org_id"`);
    await q.query(`ALTER TABLE "api_tokens" ALTER COLUMN "user_id" SET NOT NULL`);
  }
}
