import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second factors (TOTP, recovery codes, passkeys), the short-lived challenges of a login that
 * waits for one, and when each session's user last proved who they are (`auth_time`, for
 * step-up). Secrets are stored sealed (TOTP) or hashed (recovery codes, challenge tokens).
 */
export class SecondFactors1796426374410 implements MigrationInterface {
  name = 'SecondFactors1796426374410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "sessions" ADD "auth_time" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(`
      CREATE TABLE "totp_factors" (
        "user_id" uuid NOT NULL,
        "secret_sealed" bytea NOT NULL,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "last_used_step" bigint NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "totp_factors_pkey" PRIMARY KEY ("user_id"),
        CONSTRAINT "totp_factors_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "recovery_codes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "code_hash" bytea NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "recovery_codes_user_hash_key" ON "recovery_codes" ("user_id", "code_hash")`,
    );
    await q.query(`
      CREATE TABLE "mfa_challenges" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" bytea NOT NULL,
        "user_id" uuid NOT NULL,
        "password_fingerprint" bytea NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "mfa_challenges_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "mfa_challenges_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "mfa_challenges_token_hash_key" ON "mfa_challenges" ("token_hash")`,
    );
    await q.query(`CREATE INDEX "mfa_challenges_expires_idx" ON "mfa_challenges" ("expires_at")`);
    await q.query(`
      CREATE TABLE "passkeys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "credential_id" character varying(1400) NOT NULL,
        "public_key" bytea NOT NULL,
        "counter" bigint NOT NULL DEFAULT 0,
        "transports" character varying(32) array NOT NULL DEFAULT '{}',
        "name" character varying(100) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "passkeys_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "passkeys_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "passkeys_credential_id_key" ON "passkeys" ("credential_id")`,
    );
    await q.query(`CREATE INDEX "passkeys_user_idx" ON "passkeys" ("user_id")`);
    await q.query(`
      CREATE TABLE "webauthn_challenges" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid,
        "purpose" character varying(16) NOT NULL,
        "challenge" character varying(200) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "webauthn_challenges_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "webauthn_challenges_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "webauthn_challenges_challenge_key" ON "webauthn_challenges" ("challenge")`,
    );
    await q.query(
      `CREATE INDEX "webauthn_challenges_expires_idx" ON "webauthn_challenges" ("expires_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webauthn_challenges"`);
    await q.query(`DROP TABLE "passkeys"`);
    await q.query(`DROP TABLE "mfa_challenges"`);
    await q.query(`DROP TABLE "recovery_codes"`);
    await q.query(`DROP TABLE "totp_factors"`);
    await q.query(`ALTER TABLE "sessions" DROP COLUMN "auth_time"`);
  }
}
