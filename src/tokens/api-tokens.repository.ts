import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountRecord, TokenRecord } from '../common/auth/principal.js';
import type { Role } from '../common/auth/scopes.js';
import { pageNewestFirst, type Page } from '../database/paging.js';
import type { PurgeTarget } from '../database/purge.js';
import { change } from '../database/returning.js';
import { ApiToken, type TokenRevokeReason } from './api-token.entity.js';

export type TokenStatusFilter = 'active' | 'expired' | 'revoked' | 'all';

export interface TokenListFilter {
  status: TokenStatusFilter;
  expiringWithinDays?: number;
  limit: number;
  cursor?: string;
}

/** What the per-request check reads of a token, joined with its owner's current role. */
export interface TokenRow {
  id: string;
  userId: string;
  role: Role;
  /** The owner's account is disabled. */
  userDisabled: boolean;
  legacy: boolean;
  scopes: string[];
  allowedIps: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The rest of the row and its owner's profile, so that reads of them need no query. */
  record: TokenRecord;
  account: AccountRecord;
  ratePerMinute: number | null;
  ratePerHour: number | null;
}

export type NewToken = Pick<
  ApiToken,
  | 'userId'
  | 'name'
  | 'description'
  | 'scopes'
  | 'allowedIps'
  | 'expiresAt'
  | 'lifetimeDays'
  | 'rotatedFromId'
  | 'prefix'
  | 'tokenHash'
  | 'ratePerMinute'
  | 'ratePerHour'
>;

/** The unique index of active names per user; a clash with it is a taken name. */
export const ACTIVE_NAME_INDEX = 'api_tokens_user_active_name_key';

/** A token imported from another system, its secret kept in its old form. */
export interface ImportedToken {
  userId: string;
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

/** What a revocation reports of the token it ended. */
export interface RevokedToken {
  id: string;
  tokenHash: Buffer;
  userId: string;
  name: string;
  prefix: string;
  revokedAt: Date;
}

/** A token ends at the earlier of its expiry and its revocation (a future one: a grace period). */
export const API_TOKENS_PURGE: PurgeTarget = {
  table: 'api_tokens',
  due: 'LEAST(revoked_at, expires_at) < $1',
};

/** The queries on `api_tokens`. "Active" is judged by the database clock throughout. */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Tokens of a user (of every user when null), newest first, by status. */
  list(userId: string | null, filter: TokenListFilter): Promise<Page<ApiToken>> {
    const qb = this.dataSource.getRepository(ApiToken).createQueryBuilder('t');
    if (userId) qb.where('t.user_id = :userId', { userId });
    switch (filter.status) {
      case 'active':
        qb.andWhere('(t.revoked_at IS NULL OR t.revoked_at > now())');
        qb.andWhere('(t.expires_at IS NULL OR t.expires_at > now())');
        break;
      case 'expired':
        qb.andWhere('(t.revoked_at IS NULL OR t.revoked_at > now()) AND t.expires_at <= now()');
        break;
      case 'revoked':
        qb.andWhere('t.revoked_at <= now()');
        break;
    }
    if (filter.expiringWithinDays) {
      qb.andWhere('t.expires_at > now() AND t.expires_at <= now() + make_interval(days => :days)', {
        days: filter.expiringWithinDays,
      });
    }
    return pageNewestFirst(qb, 't', 'created_at', filter);
  }

  /** A token of `userId` (any user's when null), its row locked when `lock`. */
  find(
    id: string,
    userId: string | null,
    m: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ApiToken | null> {
    const qb = m.getRepository(ApiToken).createQueryBuilder('t').where('t.id = :id', { id });
    if (userId) qb.andWhere('t.user_id = :userId', { userId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findById(id: string, m: EntityManager): Promise<ApiToken> {
    return m.findOneByOrFail(ApiToken, { id });
  }

  insert(fields: NewToken, m: EntityManager): Promise<ApiToken> {
    return m.save(
      m.create(ApiToken, {
        ...fields,
        lastUsedAt: null,
        lastUsedIp: null,
        revokedAt: null,
        revokeReason: null,
      }),
    );
  }

  save(token: ApiToken, m: EntityManager): Promise<ApiToken> {
    return m.save(token);
  }

  /** Active tokens of a user (those in a rotation's grace period too), but `except`. */
  async countActive(userId: string, m: EntityManager, except?: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM api_tokens
       WHERE user_id = $1 AND id IS DISTINCT FROM $2::uuid
         AND (revoked_at IS NULL OR revoked_at > now())
         AND (expires_at IS NULL OR expires_at > now())`,
      [userId, except ?? null],
    );
    return n;
  }

  /**
   * An expired token of this user with this name gives the name up, so that a new or renamed
   * token may take it. Called under the owner's row lock.
   */
  async releaseExpiredName(userId: string, name: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE api_tokens SET name_released = true
       WHERE user_id = $1 AND name = $2 AND revoked_at IS NULL AND NOT name_released
         AND expires_at <= now()`,
      [userId, name],
    );
  }

  /** {@link releaseExpiredName} for many names at once (an import). */
  async releaseExpiredNames(
    names: { userId: string; name: string }[],
    m: EntityManager,
  ): Promise<void> {
    if (names.length === 0) return;
    await m.query(
      `UPDATE api_tokens t SET name_released = true
       FROM unnest($1::uuid[], $2::varchar[]) AS n(user_id, name)
       WHERE t.user_id = n.user_id AND t.name = n.name AND t.revoked_at IS NULL
         AND NOT t.name_released AND t.expires_at <= now()`,
      [names.map((n) => n.userId), names.map((n) => n.name)],
    );
  }

  /** Deletes a token row for good (its audit events stay); its hash and owner, or null. */
  async delete(
    id: string,
    ownerId: string | null,
    m: EntityManager,
  ): Promise<{ tokenHash: Buffer; userId: string } | null> {
    const { rows } = await change<{ token_hash: Buffer; user_id: string }>(
      m,
      `DELETE FROM api_tokens WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2)
       RETURNING token_hash, user_id`,
      [id, ownerId],
    );
    return rows[0] ? { tokenHash: rows[0].token_hash, userId: rows[0].user_id } : null;
  }

  /** The hashes of a user's active tokens (those in a rotation's grace period too). */
  async activeHashesOf(userId: string, m: EntityManager): Promise<Buffer[]> {
    const rows: { token_hash: Buffer }[] = await m.query(
      `SELECT token_hash FROM api_tokens WHERE user_id = $1
         AND (revoked_at IS NULL OR revoked_at > now())
         AND (expires_at IS NULL OR expires_at > now())`,
      [userId],
    );
    return rows.map((row) => row.token_hash);
  }

  /** Active tokens per user, for these users. */
  async countActiveByUser(userIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; n: number }[] = await this.dataSource.query(
      `SELECT user_id, count(*)::int AS n FROM api_tokens
       WHERE user_id = ANY($1::uuid[])
         AND (revoked_at IS NULL OR revoked_at > now())
         AND (expires_at IS NULL OR expires_at > now())
       GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, row.n]));
  }

  /** The old token of a rotation stops working after `graceSeconds`. */
  async markRotated(id: string, graceSeconds: number, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE api_tokens SET revoked_at = now() + make_interval(secs => $2),
              revoke_reason = 'rotated', updated_at = now()
       WHERE id = $1`,
      [id, graceSeconds],
    );
  }

  /**
   * Revokes a token now unless it is revoked already (a grace period is cut short); `ownerId`
   * null: any user's. Returns what the caller needs to report it, or null.
   */
  async revoke(
    id: string,
    ownerId: string | null,
    reason: TokenRevokeReason,
    m: EntityManager,
  ): Promise<RevokedToken | null> {
    const { rows } = await change<{
      token_hash: Buffer;
      user_id: string;
      name: string;
      prefix: string;
      revoked_at: Date;
    }>(
      m,
      // clock_timestamp(), not now(): a revocation that waited on this row's lock re-reads
      // revoked_at as the other transaction left it, which can be later than this
      // transaction's start; compared with now() it would look like a grace period to end.
      `UPDATE api_tokens SET revoked_at = now(), revoke_reason = $3, updated_at = now()
       WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2)
         AND (revoked_at IS NULL OR revoked_at > clock_timestamp())
       RETURNING token_hash, user_id, name, prefix, revoked_at`,
      [id, ownerId, reason],
    );
    const row = rows[0];
    return row
      ? {
          id,
          tokenHash: row.token_hash,
          userId: row.user_id,
          name: row.name,
          prefix: row.prefix,
          revokedAt: row.revoked_at,
        }
      : null;
  }

  /** The ids of the active tokens among these hashes (in a rotation's grace period too). */
  async activeIdsByHash(tokenHashes: Buffer[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM api_tokens
       WHERE token_hash = ANY($1::bytea[])
         AND (revoked_at IS NULL OR revoked_at > now())
         AND (expires_at IS NULL OR expires_at > now())
       ORDER BY id`,
      [tokenHashes],
    );
    return rows.map((row) => row.id);
  }

  /** Those of these hashes that some token (any user's, any status) already has. */
  async existingHashes(tokenHashes: Buffer[], m: EntityManager): Promise<Buffer[]> {
    const rows: { token_hash: Buffer }[] = await m.query(
      `SELECT token_hash FROM api_tokens WHERE token_hash = ANY($1::bytea[])`,
      [tokenHashes],
    );
    return rows.map((row) => row.token_hash);
  }

  /** The names of the active tokens of these users. */
  async activeNames(
    userIds: string[],
    m: EntityManager,
  ): Promise<{ userId: string; name: string }[]> {
    const rows: { user_id: string; name: string }[] = await m.query(
      `SELECT user_id, name FROM api_tokens
       WHERE user_id = ANY($1::uuid[])
         AND (revoked_at IS NULL OR revoked_at > now())
         AND (expires_at IS NULL OR expires_at > now())`,
      [userIds],
    );
    return rows.map((row) => ({ userId: row.user_id, name: row.name }));
  }

  /**
   * Inserts imported tokens in one statement; a hash that exists already (a concurrent import
   * of the same token) is left out. Returns the rows inserted.
   */
  async insertImported(
    tokens: ImportedToken[],
    m: EntityManager,
  ): Promise<{ id: string; tokenHash: Buffer; userId: string }[]> {
    if (tokens.length === 0) return [];
    const { rows } = await change<{ id: string; token_hash: Buffer; user_id: string }>(
      m,
      `INSERT INTO api_tokens
         (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at, last_used_at,
          created_at, legacy, external_id, name_released)
       SELECT e.user_id, e.name, $2, decode(e.hash, 'hex'),
              ARRAY(SELECT jsonb_array_elements_text(e.scopes))::varchar[], '{}',
              e.expires_at, e.last_used_at, COALESCE(e.created_at, now()), true, e.external_id,
              -- An expired token holds no name (as a create releases an expired one's).
              COALESCE(e.expires_at <= now(), false)
       FROM jsonb_to_recordset($1::jsonb) AS e(
         user_id uuid, name varchar, hash text, scopes jsonb, expires_at timestamptz,
         last_used_at timestamptz, created_at timestamptz, external_id varchar)
       ON CONFLICT (token_hash) DO NOTHING
       RETURNING id, token_hash, user_id`,
      [
        JSON.stringify(
          tokens.map((t) => ({
            user_id: t.userId,
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
    return rows.map((row) => ({ id: row.id, tokenHash: row.token_hash, userId: row.user_id }));
  }

  /** The token with this hash, for the per-request check. */
  async findByHash(tokenHash: Buffer): Promise<TokenRow | null> {
    const rows: {
      id: string;
      user_id: string;
      role: Role;
      user_disabled: boolean;
      legacy: boolean;
      scopes: string[];
      allowed_ips: string[];
      expires_at: Date | null;
      revoked_at: Date | null;
      rate_per_minute: number | null;
      rate_per_hour: number | null;
      name: string;
      description: string | null;
      prefix: string;
      created_at: Date;
      last_used_at: Date | null;
      last_used_ip: string | null;
      email: string;
      user_name: string | null;
      user_created_at: Date;
      external_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.user_id, u.role, u.disabled_at IS NOT NULL AS user_disabled, t.legacy,
              t.scopes,
              t.allowed_ips, t.expires_at, t.revoked_at, t.rate_per_minute, t.rate_per_hour,
              t.name, t.description, t.prefix, t.created_at, t.last_used_at, t.last_used_ip,
              t.external_id, u.email, u.name AS user_name, u.created_at AS user_created_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          role: row.role,
          userDisabled: row.user_disabled,
          legacy: row.legacy,
          scopes: row.scopes,
          allowedIps: row.allowed_ips,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
          ratePerMinute: row.rate_per_minute,
          ratePerHour: row.rate_per_hour,
          record: {
            name: row.name,
            description: row.description,
            prefix: row.prefix,
            scopes: row.scopes,
            allowedIps: row.allowed_ips,
            expiresAt: row.expires_at?.getTime() ?? null,
            revokedAt: row.revoked_at?.getTime() ?? null,
            createdAt: row.created_at.getTime(),
            lastUsedAt: row.last_used_at?.getTime() ?? null,
            lastUsedIp: row.last_used_ip,
            rateLimit: { perMinute: row.rate_per_minute, perHour: row.rate_per_hour },
            externalId: row.external_id,
          },
          account: {
            email: row.email,
            name: row.user_name,
            createdAt: row.user_created_at.getTime(),
          },
        }
      : null;
  }

  /** Writes last uses in one statement; a later use written by another instance stays. */
  async writeLastUses(ids: string[], times: Date[], ips: (string | null)[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_tokens t SET last_used_at = u.at, last_used_ip = u.ip
       FROM unnest($1::uuid[], $2::timestamptz[], $3::varchar[]) AS u(id, at, ip)
       WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.at)`,
      [ids, times, ips],
    );
  }

  /** Whether the data source can still take a query (shutdown). */
  get available(): boolean {
    return this.dataSource.isInitialized;
  }

  /**
   * Unrevoked tokens expiring within `days`, after id `after`, whose notice (by its dedupe key
   * in the outbox) was not recorded yet; in id order.
   */
  expiringWithoutNotice(days: number, after: string, limit: number): Promise<ApiToken[]> {
    return (
      this.dataSource
        .getRepository(ApiToken)
        .createQueryBuilder('t')
        .where('t.id > :after', { after })
        // A token in a rotation's grace period (revoked_at ahead) has a successor already.
        .andWhere('t.revoked_at IS NULL')
        .andWhere('t.expires_at > now() AND t.expires_at <= now() + make_interval(days => :days)', {
          days,
        })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.dedupe_key =
             'token.expiring_soon:' || t.id || ':' || floor(extract(epoch FROM t.expires_at))::bigint)`,
        )
        .orderBy('t.id')
        .limit(limit)
        .getMany()
    );
  }
}
