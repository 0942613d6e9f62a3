import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ApiToken } from './api-token.entity.js';
import { change } from '../database/returning.js';
import { TOKEN_STATUS_SQL } from './token-status.js';

/** A token imported from another system, its secret kept in its old form. */
export interface ImportedToken {
  /** The owning user, or null for an organization's token. */
  userId: string | null;
  /** The owning organization, or null for a personal token. */
  orgId: string | null;
  /** Who imported an organization's token over the API (null: the CLI, or a personal one). */
  createdBy: string | null;
  name: string;
  tokenHash: Buffer;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date | null;
  externalId: string | null;
}

/**
 * What the token view shows as the prefix of an imported token: none of its secret, which may
 * be short enough for a few characters to matter (and is unknown when only its hash came).
 */
export const IMPORTED_PREFIX = 'legacy';

/** The queries of an import of tokens from another system, in the import's transaction. */
@Injectable()
export class TokenImportRepository {
  /** `ApiTokensRepository.releaseExpiredName` for many names at once. */
  async releaseExpiredNames(
    names: { userId: string | null; orgId: string | null; name: string }[],
    m: EntityManager,
  ): Promise<void> {
    if (names.length === 0) return;
    await m.query(
      `UPDATE api_tokens t SET name_released = true
       FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS n(user_id, org_id, name)
       WHERE (t.user_id = n.user_id OR t.org_id = n.org_id) AND t.name = n.name
         AND t.revoked_at IS NULL AND NOT t.name_released AND t.expires_at <= now()`,
      [names.map((n) => n.userId), names.map((n) => n.orgId), names.map((n) => n.name)],
    );
  }

  /** Those of these hashes that some token (any user's, any status) already has. */
  async existingHashes(tokenHashes: Buffer[], m: EntityManager): Promise<Buffer[]> {
    const rows: { token_hash: Buffer }[] = await m.query(
      `SELECT token_hash FROM api_tokens WHERE token_hash = ANY($1::bytea[])`,
      [tokenHashes],
    );
    return rows.map((row) => row.token_hash);
  }

  /**
   * Those of these hashes whose imported token was ended (revoked, rotated away, deleted or
   * purged): a trigger on `api_tokens` keeps them in `retired_token_hashes` (see its migration).
   */
  async retiredHashes(tokenHashes: Buffer[], m: EntityManager): Promise<Buffer[]> {
    const rows: { token_hash: Buffer }[] = await m.query(
      `SELECT token_hash FROM retired_token_hashes WHERE token_hash = ANY($1::bytea[])`,
      [tokenHashes],
    );
    return rows.map((row) => row.token_hash);
  }

  /** Tokens by id, as the owner's view and the webhooks show them. */
  findByIds(ids: string[], m: EntityManager): Promise<ApiToken[]> {
    return m.findBy(ApiToken, { id: In(ids) });
  }

  /** The names of the active tokens of these users. */
  async activeNames(
    userIds: string[],
    m: EntityManager,
  ): Promise<{ userId: string; name: string }[]> {
    const rows: { user_id: string; name: string }[] = await m.query(
      `SELECT user_id, name FROM api_tokens
       WHERE user_id = ANY($1::uuid[])
         AND ${TOKEN_STATUS_SQL.active}`,
      [userIds],
    );
    return rows.map((row) => ({ userId: row.user_id, name: row.name }));
  }

  /** The names of the active tokens of these organizations. */
  async activeOrgNames(
    orgIds: string[],
    m: EntityManager,
  ): Promise<{ orgId: string; name: string }[]> {
    if (orgIds.length === 0) return [];
    const rows: { org_id: string; name: string }[] = await m.query(
      `SELECT org_id, name FROM api_tokens
       WHERE org_id = ANY($1::uuid[])
         AND ${TOKEN_STATUS_SQL.active}`,
      [orgIds],
    );
    return rows.map((row) => ({ orgId: row.org_id, name: row.name }));
  }

  /**
   * Inserts imported tokens in one statement; a hash that exists already (a concurrent import
   * of the same token) or was retired meanwhile is left out. Returns the rows inserted.
   */
  async insertImported(
    tokens: ImportedToken[],
    m: EntityManager,
  ): Promise<{ id: string; tokenHash: Buffer; userId: string | null; orgId: string | null }[]> {
    if (tokens.length === 0) return [];
    const { rows } = await change<{
      id: string;
      token_hash: Buffer;
      user_id: string | null;
      org_id: string | null;
    }>(
      m,
      `INSERT INTO api_tokens
         (user_id, org_id, created_by, name, prefix, token_hash, scopes, allowed_ips, expires_at, last_used_at,
          created_at, legacy, external_id, name_released)
       SELECT e.user_id, e.org_id, e.created_by, e.name, $2, decode(e.hash, 'hex'),
              ARRAY(SELECT jsonb_array_elements_text(e.scopes))::varchar[], '{}',
              e.expires_at, e.last_used_at, COALESCE(e.created_at, now()), true, e.external_id,
              -- An expired token holds no name (as a create releases an expired one's).
              COALESCE(e.expires_at <= now(), false)
       FROM jsonb_to_recordset($1::jsonb) AS e(
         user_id uuid, org_id uuid, created_by uuid, name varchar, hash text, scopes jsonb, expires_at timestamptz,
         last_used_at timestamptz, created_at timestamptz, external_id varchar)
       -- Retired by a concurrent revocation or deletion since the check: not brought back.
       WHERE NOT EXISTS (
         SELECT 1 FROM retired_token_hashes r WHERE r.token_hash = decode(e.hash, 'hex'))
       ON CONFLICT (token_hash) DO NOTHING
       RETURNING id, token_hash, user_id, org_id`,
      [
        JSON.stringify(
          tokens.map((t) => ({
            user_id: t.userId,
            org_id: t.orgId,
            created_by: t.createdBy,
            name: t.name,
            hash: t.tokenHash.toString('hex'),
            scopes: t.scopes,
            expires_at: t.expiresAt?.toISOString() ?? null,
            last_used_at: t.lastUsedAt?.toISOString() ?? null,
            created_at: t.createdAt?.toISOString() ?? null,
            external_id: t.externalId,
          })),
        ),
        IMPORTED_PREFIX,
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      tokenHash: row.token_hash,
      userId: row.user_id,
      orgId: row.org_id,
    }));
  }
}
