import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokens1763910000000 implements MigrationInterface {
  name = 'ApiTokens1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "description" character varying(500),
        "prefix" character varying(8) NOT NULL,
        "token_hash" bytea NOT NULL,
        "scopes" character varying(32) array NOT NULL,
        "allowed_ips" character varying(49) array NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "lifetime_days" integer,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "last_used_ip" character varying(45),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoke_reason" character varying(16),
        "rotated_from_id" uuid,
        CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    // The per-request lookup (on a cache miss).
    await q.query(`CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash")`);
    // Listing a user's tokens newest first with a (created_at, id) cursor; counting active ones.
    await q.query(
      `CREATE INDEX "api_tokens_user_created_idx" ON "api_tokens" ("user_id", "created_at", "id")`,
    );

    await q.query(`
      CREATE TABLE "idempotency_keys" (
        "user_id" uuid NOT NULL,
        "key_hash" bytea NOT NULL,
        "request_hash" bytea NOT NULL,
        "claim_id" uuid NOT NULL,
        "response_status" integer,
        "response" bytea,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key_hash")
      )`);
    // Purge of records older than a day.
    await q.query(
      `CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" ("created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotency_keys"`);
    await q.query(`DROP TABLE "api_tokens"`);
  }
}
