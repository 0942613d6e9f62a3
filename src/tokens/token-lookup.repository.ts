import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccountRecord, TokenRecord } from '../common/auth/principal.js';
import type { Role } from '../common/auth/scopes.js';

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
      quota_limit: number | null;
      quota_period: 'day' | 'month' | 'total' | null;
      lineage_id: string | null;
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
              t.external_id, t.quota_limit, t.quota_period, t.lineage_id, u.email, u.name AS user_name, u.created_at AS user_created_at
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
            quota:
              row.quota_limit !== null && row.quota_period !== null
                ? { limit: row.quota_limit, period: row.quota_period }
                : null,
            lineageId: row.lineage_id ?? row.id,
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
}
