import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The policy file's own scopes: names of up to 100 characters on API tokens, and the scopes a
 * session was narrowed to by the OAuth token grant's `scope` (null: every scope of its role).
 */
export class PolicyScopes1763950000000 implements MigrationInterface {
  name = 'PolicyScopes1763950000000';

  async up(q: QueryRunner): Promise<void> {
    // Widening a varchar needs no rewrite of the table.
    await q.query(
      `ALTER TABLE "api_tokens" ALTER COLUMN "scopes" TYPE character varying(100) array`,
    );
    await q.query(`ALTER TABLE "sessions" ADD "scopes" character varying(100) array`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sessions" DROP COLUMN "scopes"`);
    await q.query(
      `ALTER TABLE "api_tokens" ALTER COLUMN "scopes" TYPE character varying(32) array`,
    );
  }
}
