import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { change } from '../database/returning.js';
import type { PurgeTarget } from '../database/purge.js';

/** A replay is promised for a day from the first request. */
export const IDEMPOTENCY_KEYS_PURGE: PurgeTarget = {
  table: 'idempotency_keys',
  due: 'created_at < $1',
};

export interface IdempotencyRow {
  requestHash: Buffer;
  responseStatus: number | null;
  response: Buffer | null;
  stale: boolean;
  abandoned: boolean;
}

/** The queries on `idempotency_keys`. Ages are judged by the database clock. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Drops a user's records older than `ttlHours`. */
  async deleteExpired(userId: string, ttlHours: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
       WHERE user_id = $1 AND created_at <= now() - make_interval(hours => $2)`,
      [userId, ttlHours],
    );
  }

  /** Takes the key for a claim; false when it is taken. */
  async insert(
    userId: string,
    keyHash: Buffer,
    requestHash: Buffer,
    claimId: string,
  ): Promise<boolean> {
    const { rows } = await change(
      this.dataSource.manager,
      `INSERT INTO idempotency_keys (user_id, key_hash, request_hash, claim_id)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, keyHash, requestHash, claimId],
    );
    return rows.length === 1;
  }

  async find(
    userId: string,
    keyHash: Buffer,
    ttlHours: number,
    abandonedAfterSeconds: number,
  ): Promise<IdempotencyRow | null> {
    const [row]: {
      request_hash: Buffer;
      response_status: number | null;
      response: Buffer | null;
      stale: boolean;
      abandoned: boolean;
    }[] = await this.dataSource.query(
      `SELECT request_hash, response_status, response,
              created_at <= now() - make_interval(hours => $3) AS stale,
              response IS NULL AND created_at <= now() - make_interval(secs => $4) AS abandoned
       FROM idempotency_keys WHERE user_id = $1 AND key_hash = $2`,
      [userId, keyHash, ttlHours, abandonedAfterSeconds],
    );
    return row
      ? {
          requestHash: row.request_hash,
          responseStatus: row.response_status,
          response: row.response,
          stale: row.stale,
          abandoned: row.abandoned,
        }
      : null;
  }

  /** Deletes the record if it is (still) stale or abandoned. */
  async deleteIfDead(
    userId: string,
    keyHash: Buffer,
    ttlHours: number,
    abandonedAfterSeconds: number,
  ): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key_hash = $2
         AND (created_at <= now() - make_interval(hours => $3)
              OR (response IS NULL AND created_at <= now() - make_interval(secs => $4)))`,
      [userId, keyHash, ttlHours, abandonedAfterSeconds],
    );
  }

  /** Deletes the record if it still holds `response`. */
  async deleteWithResponse(userId: string, keyHash: Buffer, response: Buffer): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key_hash = $2 AND response = $3`,
      [userId, keyHash, response],
    );
  }

  /** Stores the response of the claim `claimId`, in `m`'s transaction; whether it still held it. */
  async complete(
    userId: string,
    keyHash: Buffer,
    claimId: string,
    status: number,
    response: Buffer,
    m: EntityManager,
  ): Promise<boolean> {
    const { affected } = await change(
      m,
      `UPDATE idempotency_keys SET response_status = $4, response = $5
       WHERE user_id = $1 AND key_hash = $2 AND claim_id = $3 AND response IS NULL`,
      [userId, keyHash, claimId, status, response],
    );
    return affected === 1;
  }

  /** Gives up an unanswered claim. */
  async release(userId: string, keyHash: Buffer, claimId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
       WHERE user_id = $1 AND key_hash = $2 AND claim_id = $3 AND response IS NULL`,
      [userId, keyHash, claimId],
    );
  }
}
