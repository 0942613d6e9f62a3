import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { pageNewestFirst, type Page } from '../database/paging.js';
import type { PurgeTarget } from '../database/purge.js';
import { change } from '../database/returning.js';
import { ApiToken, type TokenRevokeReason } from './api-token.entity.js';
import {
  STATEMENT_CLOCK,
  TOKEN_STATUS_SQL,
  TOKEN_STATUS_SQL_T,
  tokenStatusSql,
  type TokenStatus,
} from './token-status.js';

export type TokenStatusFilter = TokenStatus | 'all';

/** A condition on `t` with its named parameters. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export interface TokenListFilter {
  status: TokenStatusFilter;
  expiringWithinDays?: number;
  limit: number;
  cursor?: string;
}

export type NewToken = Pick<
  ApiToken,
  | 'userId'
  | 'orgId'
  | 'createdBy'
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
> &
  Partial<Pick<ApiToken, 'quotaLimit' | 'quotaPeriod' | 'lineageId'>>;

/** The unique index of active names per user; a clash with it is a taken name. */
export const ACTIVE_NAME_INDEX = 'api_tokens_user_active_name_key';
/** The same per organization. */
export const ORG_ACTIVE_NAME_INDEX = 'api_tokens_org_active_name_key';

/**
 * Whose tokens a query may touch: a user's (by id), an organization's, or anyone's (null,
 * admins). A user's never include an organization's, nor the other way round.
 */
export type TokenOwnerRef = string | { orgId: string } | null;

/** The owner a new or rotated token goes to. */
export type TokenOwner = Exclude<TokenOwnerRef, null>;

/** SQL of `owner` on `column prefix` with parameter `$n` (true for anyone). */
function ownedBy(owner: TokenOwnerRef, n: number, prefix = ''): string {
  if (owner === null) return `($${n}::uuid IS NULL)`;
  return typeof owner === 'string' ? `${prefix}user_id = $${n}` : `${prefix}org_id = $${n}`;
}

function ownerParam(owner: TokenOwnerRef): string | null {
  return owner === null ? null : typeof owner === 'string' ? owner : owner.orgId;
}

/** What a revocation reports of the token it ended. */
export interface RevokedToken {
  id: string;
  tokenHash: Buffer;
  userId: string | null;
  orgId: string | null;
  createdBy: string | null;
  name: string;
  prefix: string;
  revokedAt: Date;
}

/** A token ends at the earlier of its expiry and its revocation (a future one: a grace period). */
export const API_TOKENS_PURGE: PurgeTarget = {
  table: 'api_tokens',
  due: 'LEAST(revoked_at, expires_at) < $1',
};

/** Of `t`: an expiry still ahead, but within `:days` days. */
const EXPIRING_WITHIN_DAYS =
  't.expires_at > now() AND t.expires_at <= now() + make_interval(days => :days)';

/**
 * The queries of the token lifecycle on `api_tokens`, by owner: list, find, create, change,
 * rotate, revoke, delete, count. "Active" is judged by the database clock throughout (see
 * token-status.ts). The per-request lookup and the import have repositories of their own.
 */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Tokens of an owner (of everyone when null), newest first, by status. */
  list(
    owner: TokenOwnerRef,
    filter: TokenListFilter & { outOfPolicy?: SqlCondition },
  ): Promise<Page<ApiToken>> {
    const qb = this.dataSource.getRepository(ApiToken).createQueryBuilder('t');
    if (typeof owner === 'string') qb.where('t.user_id = :userId', { userId: owner });
    else if (owner) qb.where('t.org_id = :orgId', { orgId: owner.orgId });
    if (filter.outOfPolicy) qb.andWhere(filter.outOfPolicy.sql, filter.outOfPolicy.params);
    if (filter.status !== 'all') qb.andWhere(TOKEN_STATUS_SQL_T[filter.status]);
    if (filter.expiringWithinDays) {
      qb.andWhere(EXPIRING_WITHIN_DAYS, { days: filter.expiringWithinDays });
    }
    return pageNewestFirst(qb, 't', 'created_at', filter);
  }

  /** A token of `owner` (anyone's when null), its row locked when `lock`. */
  find(
    id: string,
    owner: TokenOwnerRef,
    m: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ApiToken | null> {
    const qb = m.getRepository(ApiToken).createQueryBuilder('t').where('t.id = :id', { id });
    if (typeof owner === 'string') qb.andWhere('t.user_id = :userId', { userId: owner });
    else if (owner) qb.andWhere('t.org_id = :orgId', { orgId: owner.orgId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findById(id: string, m: EntityManager): Promise<ApiToken> {
    return m.findOneByOrFail(ApiToken, { id });
  }

  insert(fields: NewToken, m: EntityManager): Promise<ApiToken> {
    return m.save(
      m.create(ApiToken, {
        quotaLimit: null,
        quotaPeriod: null,
        lineageId: null,
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

  /**
   * Active tokens of an owner (those in a rotation's grace period too), but `except`, as of this
   * statement (under the owner's row lock: see {@link STATEMENT_CLOCK}).
   */
  async countActive(owner: TokenOwner, m: EntityManager, except?: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM api_tokens
       WHERE ${ownedBy(owner, 1)} AND id IS DISTINCT FROM $2::uuid
         AND ${tokenStatusSql('', STATEMENT_CLOCK).active}`,
      [ownerParam(owner), except ?? null],
    );
    return n;
  }

  /**
   * An expired token of this user with this name gives the name up, so that a new or renamed
   * token may take it. Called under the owner's row lock.
   */
  async releaseExpiredName(owner: TokenOwner, name: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE api_tokens SET name_released = true
       WHERE ${ownedBy(owner, 1)} AND name = $2 AND revoked_at IS NULL AND NOT name_released
         AND expires_at <= now()`,
      [ownerParam(owner), name],
    );
  }

  /** Deletes a token row for good (its audit events stay); its hash and owner, or null. */
  async delete(
    id: string,
    owner: TokenOwnerRef,
    m: EntityManager,
  ): Promise<{ tokenHash: Buffer; userId: string | null; orgId: string | null } | null> {
    const { rows } = await change<{
      token_hash: Buffer;
      user_id: string | null;
      org_id: string | null;
    }>(
      m,
      `DELETE FROM api_tokens WHERE id = $1 AND (${ownedBy(owner, 2)} OR $2 IS NULL)
       RETURNING token_hash, user_id, org_id`,
      [id, ownerParam(owner)],
    );
    const row = rows[0];
    return row ? { tokenHash: row.token_hash, userId: row.user_id, orgId: row.org_id } : null;
  }

  /** The hashes of an owner's active tokens (those in a rotation's grace period too). */
  async activeHashesOf(owner: TokenOwner, m: EntityManager): Promise<Buffer[]> {
    const rows: { token_hash: Buffer }[] = await m.query(
      `SELECT token_hash FROM api_tokens WHERE ${ownedBy(owner, 1)}
         AND ${TOKEN_STATUS_SQL.active}`,
      [ownerParam(owner)],
    );
    return rows.map((row) => row.token_hash);
  }

  /** Owner and name of these tokens (any status), by id. */
  async ownersOf(ids: readonly string[]): Promise<Map<string, { userId: string; name: string }>> {
    const rows: { id: string; user_id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, user_id, name FROM api_tokens WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { userId: row.user_id, name: row.name }]));
  }

  /** Active tokens per user, for these users. */
  async countActiveByUser(userIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; n: number }[] = await this.dataSource.query(
      `SELECT user_id, count(*)::int AS n FROM api_tokens
       WHERE user_id = ANY($1::uuid[])
         AND ${TOKEN_STATUS_SQL.active}
       GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, row.n]));
  }

  /**
   * The old token of a rotation stops working `graceSeconds` after this statement (the clock
   * the token limit counts by, not the start of a transaction that may have waited on a lock).
   */
  async markRotated(id: string, graceSeconds: number, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE api_tokens SET revoked_at = ${STATEMENT_CLOCK} + make_interval(secs => $2),
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
    owner: TokenOwnerRef,
    reason: TokenRevokeReason,
    m: EntityManager,
  ): Promise<RevokedToken | null> {
    const { rows } = await change<{
      token_hash: Buffer;
      user_id: string | null;
      org_id: string | null;
      created_by: string | null;
      name: string;
      prefix: string;
      revoked_at: Date;
    }>(
      m,
      // clock_timestamp(), not now(): a revocation that waited on this row's lock re-reads
      // revoked_at as the other transaction left it, which can be later than this
      // transaction's start; compared with now() it would look like a grace period to end.
      `UPDATE api_tokens SET revoked_at = now(), revoke_reason = $3, updated_at = now()
       WHERE id = $1 AND (${ownedBy(owner, 2)} OR $2 IS NULL)
         AND (revoked_at IS NULL OR revoked_at > clock_timestamp())
       RETURNING token_hash, user_id, org_id, created_by, name, prefix, revoked_at`,
      [id, ownerParam(owner), reason],
    );
    const row = rows[0];
    return row
      ? {
          id,
          tokenHash: row.token_hash,
          userId: row.user_id,
          orgId: row.org_id,
          createdBy: row.created_by,
          name: row.name,
          prefix: row.prefix,
          revokedAt: row.revoked_at,
        }
      : null;
  }

  /**
   * Revokes every active token of an organization now (those in a grace period too); the ids
   * and hashes of those it revoked.
   */
  async revokeAllOfOrg(
    orgId: string,
    reason: TokenRevokeReason,
    m: EntityManager,
  ): Promise<{ id: string; tokenHash: Buffer }[]> {
    const { rows } = await change<{ id: string; token_hash: Buffer }>(
      m,
      `UPDATE api_tokens SET revoked_at = now(), revoke_reason = $2, updated_at = now()
       WHERE org_id = $1 AND (revoked_at IS NULL OR revoked_at > clock_timestamp())
       RETURNING id, token_hash`,
      [orgId, reason],
    );
    return rows.map((row) => ({ id: row.id, tokenHash: row.token_hash }));
  }

  /**
   * The ids of the active tokens (in a rotation's grace period too) among the hashes of
   * `issued` secrets and, among imported tokens only, of `imported` ones.
   */
  async activeIdsByHash(issued: Buffer[], imported: Buffer[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM api_tokens
       WHERE ((NOT legacy AND token_hash = ANY($1::bytea[]))
           OR (legacy AND token_hash = ANY($2::bytea[])))
         AND ${TOKEN_STATUS_SQL.active}
       ORDER BY id`,
      [issued, imported],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Unrevoked tokens expiring within `days`, after id `after`, in id order: those an
   * expiring-soon notice may be due for (the webhooks module knows which were sent).
   */
  expiringUnrevoked(days: number, after: string, limit: number): Promise<ApiToken[]> {
    return (
      this.dataSource
        .getRepository(ApiToken)
        .createQueryBuilder('t')
        .where('t.id > :after', { after })
        // A token in a rotation's grace period (revoked_at ahead) has a successor already.
        .andWhere('t.revoked_at IS NULL')
        .andWhere(EXPIRING_WITHIN_DAYS, { days })
        .orderBy('t.id')
        .limit(limit)
        .getMany()
    );
  }
}
