import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens' uses counted per token, UTC hour and outcome (`VALID` or the refusal code). Each
 * instance counts in memory and adds its counts here in one upsert per flush, so a request
 * never writes. An organization's usage is a later GROUP BY over its tokens' rows. The rows
 * go with their token (a permanent delete, a purge) and after `USAGE_RETENTION_DAYS`.
 */
export class TokenUsage1796429679674 implements MigrationInterface {
  name = 'TokenUsage1796429679674';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "token_usage" (
        "token_id" uuid NOT NULL,
        "hour" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome" character varying(32) NOT NULL,
        "count" bigint NOT NULL,
        CONSTRAINT "token_usage_pkey" PRIMARY KEY ("token_id", "hour", "outcome"),
        CONSTRAINT "token_usage_token_fkey" FOREIGN KEY ("token_id")
          REFERENCES "api_tokens" ("id") ON DELETE CASCADE,
        CONSTRAINT "token_usage_count_check" CHECK ("count" > 0)
      )`);
    // The purge's cut-off and the admins' "most used tokens" over a range.
    await q.query(`CREATE INDEX "token_usage_hour_idx" ON "token_usage" ("hour")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "token_usage"`);
  }
}
