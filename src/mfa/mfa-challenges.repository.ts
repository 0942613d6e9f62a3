import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PurgeTarget } from '../database/purge.js';
import { change } from '../database/returning.js';

/** Expired challenges a new one sweeps away: the table stays the size of the logins under way. */
const SWEEP = 100;

/**
 * For the purge: login challenges past their expiry, used or not, which no second step can
 * complete any more. The sweep above clears them only while new logins come.
 */
export const MFA_CHALLENGES_PURGE: PurgeTarget = {
  table: 'mfa_challenges',
  due: 'expires_at < $1',
};

export const MFA_CHALLENGE_ATTEMPTS = 5;

export interface LiveChallenge {
  id: string;
  userId: string;
  passwordFingerprint: Buffer;
}

/** The queries on `mfa_challenges`. Validity is judged by the database clock. */
@Injectable()
export class MfaChallengesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    userId: string,
    tokenHash: Buffer,
    passwordFingerprint: Buffer,
    minutes: number,
  ): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM mfa_challenges WHERE id IN (
         SELECT id FROM mfa_challenges WHERE expires_at < now() LIMIT $1
         FOR UPDATE SKIP LOCKED)`,
      [SWEEP],
    );
    await this.dataSource.query(
      `INSERT INTO mfa_challenges (user_id, token_hash, password_fingerprint, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [userId, tokenHash, passwordFingerprint, minutes],
    );
  }

  /**
   * Counts an attempt on a live challenge and returns it; null when it is unknown, used,
   * expired or out of attempts. One statement: concurrent attempts cannot exceed the limit.
   */
  async attempt(tokenHash: Buffer): Promise<LiveChallenge | null> {
    const { rows } = await change<{
      id: string;
      user_id: string;
      password_fingerprint: Buffer;
    }>(
      this.dataSource.manager,
      `UPDATE mfa_challenges SET attempts = attempts + 1
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() AND attempts < $2
        RETURNING id, user_id, password_fingerprint`,
      [tokenHash, MFA_CHALLENGE_ATTEMPTS],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          passwordFingerprint: row.password_fingerprint,
        }
      : null;
  }

  /** A live challenge, without counting an attempt (to offer it a passkey ceremony). */
  async live(tokenHash: Buffer): Promise<{ id: string; userId: string } | null> {
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      `SELECT id, user_id FROM mfa_challenges
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() AND attempts < $2`,
      [tokenHash, MFA_CHALLENGE_ATTEMPTS],
    );
    return rows[0] ? { id: rows[0].id, userId: rows[0].user_id } : null;
  }

  /** Completes a challenge: true for the first of concurrent completions only. */
  async consume(id: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    const { affected } = await change(
      m,
      `UPDATE mfa_challenges SET used_at = now() WHERE id = $1 AND used_at IS NULL`,
      [id],
    );
    return affected > 0;
  }
}
