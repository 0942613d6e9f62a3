import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PurgeTarget } from '../database/purge.js';

/** Rows to add, column by column (one upsert of `unnest`ed arrays). */
export interface UsageCounts {
  tokenIds: string[];
  hours: Date[];
  outcomes: string[];
  counts: number[];
}

/** Uses of one bucket and outcome. */
export interface UsageRow {
  /** Start of the bucket, in seconds since the epoch. */
  bucket: number;
  outcome: string;
  count: number;
}

export interface TopRow {
  tokenId: string;
  valid: number;
  refused: number;
}

/** A ranked token of one organization, with its name. */
export interface OrgTopRow extends TopRow {
  name: string;
}

/** Hourly counts older than the cut-off. */
export const TOKEN_USAGE_PURGE: PurgeTarget = { table: 'token_usage', due: 'hour < $1' };

/** The `token_usage` table: hourly counts per token and outcome. */
@Injectable()
export class TokenUsageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds counts in one statement. Counts of tokens deleted meanwhile are dropped (their rows
   * would have gone with them).
   */
  async add(rows: UsageCounts): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO token_usage (token_id, hour, outcome, count)
       SELECT u.token_id, u.hour, u.outcome, u.count
       FROM unnest($1::uuid[], $2::timestamptz[], $3::varchar[], $4::bigint[])
         AS u(token_id, hour, outcome, count)
       WHERE EXISTS (SELECT 1 FROM api_tokens t WHERE t.id = u.token_id)
       ON CONFLICT (token_id, hour, outcome)
       DO UPDATE SET count = token_usage.count + EXCLUDED.count`,
      [rows.tokenIds, rows.hours, rows.outcomes, rows.counts],
    );
  }

  /**
   * Uses of these tokens in [from, to), summed per bucket of `bucketSeconds` (buckets start at
   * multiples of it since the epoch: UTC hours and days) and outcome.
   */
  async series(
    tokenIds: readonly string[],
    from: Date,
    to: Date,
    bucketSeconds: number,
  ): Promise<UsageRow[]> {
    const rows: { bucket: string; outcome: string; count: string }[] = await this.dataSource.query(
      `SELECT (floor(extract(epoch FROM hour) / $4) * $4)::bigint AS bucket, outcome,
              sum(count)::bigint AS count
       FROM token_usage
       WHERE token_id = ANY ($1::uuid[]) AND hour >= $2 AND hour < $3
       GROUP BY 1, 2`,
      [tokenIds, from, to, bucketSeconds],
    );
    return rows.map((row) => ({
      bucket: Number(row.bucket),
      outcome: row.outcome,
      count: Number(row.count),
    }));
  }

  /**
   * Successful uses since `since` of a rotation lineage: the token that started it and every
   * token rotated from it.
   */
  async validUses(lineage: string, since: Date): Promise<number> {
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(u.count), 0)::bigint AS n
       FROM token_usage u JOIN api_tokens t ON t.id = u.token_id
       WHERE (t.id = $1 OR t.lineage_id = $1) AND u.outcome = 'VALID' AND u.hour >= $2`,
      [lineage, since],
    );
    return Number(n);
  }

  /** The tokens with the most uses in [from, to), most first. */
  async top(from: Date, to: Date, limit: number): Promise<TopRow[]> {
    const rows: { token_id: string; valid: string; refused: string }[] =
      await this.dataSource.query(
        `SELECT token_id,
                coalesce(sum(count) FILTER (WHERE outcome = 'VALID'), 0)::bigint AS valid,
                coalesce(sum(count) FILTER (WHERE outcome <> 'VALID'), 0)::bigint AS refused
         FROM token_usage
         WHERE hour >= $1 AND hour < $2
         GROUP BY token_id
         ORDER BY sum(count) DESC, token_id
         LIMIT $3`,
        [from, to, limit],
      );
    return rows.map((row) => ({
      tokenId: row.token_id,
      valid: Number(row.valid),
      refused: Number(row.refused),
    }));
  }

  /**
   * Uses of every token an organization owns (revoked ones included: their uses happened) in
   * [from, to), summed per bucket and outcome as in `series`.
   */
  async seriesOfOrg(
    orgId: string,
    from: Date,
    to: Date,
    bucketSeconds: number,
  ): Promise<UsageRow[]> {
    const rows: { bucket: string; outcome: string; count: string }[] = await this.dataSource.query(
      `SELECT (floor(extract(epoch FROM u.hour) / $4) * $4)::bigint AS bucket, u.outcome,
              sum(u.count)::bigint AS count
       FROM token_usage u JOIN api_tokens t ON t.id = u.token_id
       WHERE t.org_id = $1 AND u.hour >= $2 AND u.hour < $3
       GROUP BY 1, 2`,
      [orgId, from, to, bucketSeconds],
    );
    return rows.map((row) => ({
      bucket: Number(row.bucket),
      outcome: row.outcome,
      count: Number(row.count),
    }));
  }

  /** An organization's tokens with the most uses in [from, to), most first. */
  async topOfOrg(orgId: string, from: Date, to: Date, limit: number): Promise<OrgTopRow[]> {
    const rows: { token_id: string; name: string; valid: string; refused: string }[] =
      await this.dataSource.query(
        `SELECT u.token_id, t.name,
                coalesce(sum(u.count) FILTER (WHERE u.outcome = 'VALID'), 0)::bigint AS valid,
                coalesce(sum(u.count) FILTER (WHERE u.outcome <> 'VALID'), 0)::bigint AS refused
         FROM token_usage u JOIN api_tokens t ON t.id = u.token_id
         WHERE t.org_id = $1 AND u.hour >= $2 AND u.hour < $3
         GROUP BY u.token_id, t.name
         ORDER BY sum(u.count) DESC, u.token_id
         LIMIT $4`,
        [orgId, from, to, limit],
      );
    return rows.map((row) => ({
      tokenId: row.token_id,
      name: row.name,
      valid: Number(row.valid),
      refused: Number(row.refused),
    }));
  }

  /** Whether the data source can still take a query (shutdown). */
  get available(): boolean {
    return this.dataSource.isInitialized;
  }
}
