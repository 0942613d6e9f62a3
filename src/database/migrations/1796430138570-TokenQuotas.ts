import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A token's quota (`quota_limit` successful uses per `quota_period`: day, month or total) and
 * its rotation lineage: the id of the first token of a chain of rotations, which names the
 * quota's counter, so that old and new token share one quota (null: the token is its own).
 */
export class TokenQuotas1796430138570 implements MigrationInterface {
  name = 'TokenQuotas1796430138570';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "api_tokens"
        ADD "quota_limit" integer,
        ADD "quota_period" character varying(8),
        ADD "lineage_id" uuid`);
    // Seeding a lineage's quota counter sums the usage of its tokens.
    await q.query(`
      CREATE INDEX "api_tokens_lineage_idx" ON "api_tokens" ("lineage_id")
      WHERE "lineage_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "api_tokens_lineage_idx"`);
    await q.query(`
      ALTER TABLE "api_tokens" DROP "lineage_id", DROP "quota_period", DROP "quota_limit"`);
  }
}
