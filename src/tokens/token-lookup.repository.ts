import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccountRecord, PrincipalRole, TokenRecord } from '../common/auth/principal.js';
import type { Role } from '../common/auth/scopes.js';
import type { Quota } from '../usage/quota-period.js';

/** What the per-request check reads of a token, joined with its owner's current role. */
export interface TokenRow {
  id: string;
  /** The owning user; absent for an organization's token. */
  userId?: string;
  /** The owning organization (live); absent for a personal token. */
  orgId?: string;
  /** The owner's role; `service` for an organization's token. */
  role: PrincipalRole;
  /** The owner's account is disabled. */
  userDisabled: boolean;
  legacy: boolean;
  scopes: string[];
  allowedIps: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The rest of the row and its owner's profile, so that reads of them need no query. */
  record: TokenRecord;
  /** The owner's profile; absent for an organization's token. */
  account?: AccountRecord;
  ratePerMinute: number | null;
  ratePerHour: number | null;
  /** An organization's token: the budget all the organization's tokens share, if any. */
  orgRate?: { perMinute?: number; perHour?: number } | null;
}

/**
 * The queries of the per-request path: the lookup of a presented token by its hash (on a cache
 * miss), and the batched write of last uses. Nothing else belongs here: every statement on this
 * path is paid for by requests.
 */
@Injectable()
export class TokenLookupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The token with this hash, for the per-request check. */
  async findByHash(tokenHash: Buffer): Promise<TokenRow | null> {
    const rows: {
      id: string;
      user_id: string | null;
      org_id: string | null;
      org_deleted: boolean;
      org_rate: { perMinute?: number; perHour?: number } | null;
      org_quota: Quota | null;
      created_by: string | null;
      role: Role | null;
      user_disabled: boolean;
      legacy: boolean;
      scopes: string[];
      allowed_ips: string[];
      expires_at: Date | null;
      revoked_at: Date | null;
      rate_per_minute: number | null;
      rate_per_hour: number | null;
      quota_limit: number | null;
      quota_period: 'day' | 'month' | 'total' | null;
      lineage_id: string | null;
      name: string;
      description: string | null;
      prefix: string;
      created_at: Date;
      last_used_at: Date | null;
      last_used_ip: string | null;
      email: string | null;
      user_name: string | null;
      user_created_at: Date | null;
      external_id: string | null;
    }[] = await this.dataSource.query(
      // One statement either way: a personal token joins its user, an organization's its
      // organization (the other join finds nothing).
      `SELECT t.id, t.user_id, u.role, u.disabled_at IS NOT NULL AS user_disabled, t.legacy,
              t.scopes, t.org_id, o.deleted_at IS NOT NULL AS org_deleted, t.created_by,
              o.policy -> 'rateLimit' AS org_rate, o.policy -> 'quota' AS org_quota,
              t.allowed_ips, t.expires_at, t.revoked_at, t.rate_per_minute, t.rate_per_hour,
              t.name, t.description, t.prefix, t.created_at, t.last_used_at, t.last_used_ip,
              t.external_id, t.quota_limit, t.quota_period, t.lineage_id,
              u.email, u.name AS user_name, u.created_at AS user_created_at
       FROM api_tokens t
         LEFT JOIN users u ON u.id = t.user_id
         LEFT JOIN orgs o ON o.id = t.org_id
       WHERE t.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    // A deleted organization's tokens were revoked with it; none of them is found any more.
    if (row?.org_deleted) return null;
    const org = row?.org_id ? { orgId: row.org_id, createdBy: row.created_by } : undefined;
    return row
      ? {
          id: row.id,
          ...(org ? { orgId: org.orgId, orgRate: row.org_rate } : { userId: row.user_id! }),
          role: org ? 'service' : row.role!,
          userDisabled: org ? false : row.user_disabled,
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
            ...org,
            // The token's own quota, else its organization's policy's (the default of its tokens).
            quota:
              row.quota_limit !== null && row.quota_period !== null
                ? { limit: row.quota_limit, period: row.quota_period }
                : (row.org_quota ?? null),
            lineageId: row.lineage_id ?? row.id,
          },
          ...(org
            ? {}
            : {
                account: {
                  email: row.email!,
                  name: row.user_name,
                  createdAt: row.user_created_at!.getTime(),
                },
              }),
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
}
