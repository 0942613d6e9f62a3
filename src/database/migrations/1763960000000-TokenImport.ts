import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens imported from another system: `legacy` marks a secret kept in its old form (looked
 * up by the SHA-256 of the string as presented, never a `tsr_` token), `external_id` the key the
 * other system knew it by.
 */
export class TokenImport1763960000000 implements MigrationInterface {
  name = 'TokenImport1763960000000';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: no rewrite of the table.
    await q.query(`ALTER TABLE "api_tokens" ADD "legacy" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "api_tokens" ADD "external_id" character varying(200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "external_id"`);
    await q.query(`ALTER TABLE "api_tokens" DROP COLUMN "legacy"`);
  }
}
