import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operating without a database shell:
 * - users can be disabled (`disabled_at`) and show when they last logged in;
 * - API tokens get their own rate limits (null: the server's), and an active token's name is
 *   unique per user.
 *
 * Name uniqueness is a partial unique index over the tokens not revoked whose name is not
 * released; an index predicate cannot read the clock, so a token that expired keeps its name
 * until a create or rename of that name releases it (`name_released`, under the owner's row
 * lock). Existing duplicates are resolved here without touching any token's secret or state:
 * names of expired tokens are released, and among the remaining duplicates the oldest keeps
 * the name and each later one is renamed `<name> #<first 8 characters of its id>`.
 */
export class AdminUsers1763970000000 implements MigrationInterface {
  name = 'AdminUsers1763970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ADD "last_login_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "api_tokens" ADD "rate_per_minute" integer`);
    await q.query(`ALTER TABLE "api_tokens" ADD "rate_per_hour" integer`);
    await q.query(`ALTER TABLE "api_tokens" ADD "name_released" boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE "api_tokens" SET "name_released" = true
       WHERE "revoked_at" IS NULL AND "expires_at" <= now()`,
    );
    await q.query(
      `UPDATE "api_tokens" t SET "name" = left(t."name", 90) || ' #' || left(t."id"::text, 8)
       FROM (
         SELECT "id", row_number() OVER (
                  PARTITION BY "user_id", "name" ORDER BY "created_at", "id") AS n
         FROM "api_tokens" WHERE "revoked_at" IS NULL AND NOT "name_released"
       ) d
       WHERE d."id" = t."id" AND d.n > 1`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "api_tokens_user_active_name_key" ON "api_tokens" ("user_id", "name")
       WHERE "revoked_at" IS NULL AND NOT "name_released"`,
    );
    // Admins list tokens across users, newest first.
    await q.query(`CREATE INDEX "api_tokens_created_idx" ON "api_tokens" ("created_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "api_tokens_created_idx"`);
    await q.query(`DROP INDEX "api_tokens_user_active_name_key"`);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "name_released"`);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "rate_per_hour"`);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "rate_per_minute"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "last_login_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
  }
}
