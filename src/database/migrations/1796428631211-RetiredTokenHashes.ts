import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hashes of imported tokens that were ended (revoked, rotated away, deleted or purged), so
 * that importing the same file again cannot bring one back. The purge leaves this table alone.
 *
 * Written by a trigger on `api_tokens`, in the statement that ends the token: every path that
 * revokes, deletes or purges an imported token (a user's, an admin's, a leak report's, the
 * purge's batches, an owner's cascade) writes it, and none can forget to.
 */
export class RetiredTokenHashes1796428631211 implements MigrationInterface {
  name = 'RetiredTokenHashes1796428631211';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "retired_token_hashes" (
        "token_hash" bytea NOT NULL,
        "retired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "retired_token_hashes_pkey" PRIMARY KEY ("token_hash")
      )`);
    await q.query(`
      CREATE FUNCTION retire_imported_token_hash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO retired_token_hashes (token_hash)
        VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.token_hash ELSE NEW.token_hash END)
        ON CONFLICT (token_hash) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "api_tokens_retire_imported_on_revoke"
      AFTER UPDATE OF revoked_at ON api_tokens FOR EACH ROW
      WHEN (NEW.legacy AND NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
      EXECUTE FUNCTION retire_imported_token_hash()`);
    await q.query(`
      CREATE TRIGGER "api_tokens_retire_imported_on_delete"
      AFTER DELETE ON api_tokens FOR EACH ROW
      WHEN (OLD.legacy)
      EXECUTE FUNCTION retire_imported_token_hash()`);
    // Imported tokens revoked before this migration are retired already.
    await q.query(`
      INSERT INTO retired_token_hashes (token_hash, retired_at)
      SELECT token_hash, revoked_at FROM api_tokens WHERE legacy AND revoked_at IS NOT NULL
      ON CONFLICT (token_hash) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "api_tokens_retire_imported_on_delete" ON api_tokens`);
    await q.query(`DROP TRIGGER "api_tokens_retire_imported_on_revoke" ON api_tokens`);
    await q.query(`DROP FUNCTION retire_imported_token_hash()`);
    await q.query(`DROP TABLE "retired_token_hashes"`);
  }
}
