import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { change } from '../database/returning.js';
import type { PurgeTarget } from '../database/purge.js';
import { PasswordResetToken } from './password-reset-token.entity.js';

/** Single use and valid for minutes: after expiry, used or not, a link is history. */
export const PASSWORD_RESET_TOKENS_PURGE: PurgeTarget = {
  table: 'password_reset_tokens',
  due: 'expires_at < $1',
};

/** The queries on `password_reset_tokens`. Validity is judged by the database clock. */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a user's new token, dropping any earlier one: only the latest link works. The caller
   * holds the user's row lock, so that the last of concurrent requests leaves the one token.
   */
  async replace(
    userId: string,
    tokenHash: Buffer,
    minutes: number,
    m: EntityManager,
  ): Promise<void> {
    await m.delete(PasswordResetToken, { userId });
    await m.query(
      `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(mins => $3))`,
      [userId, tokenHash, minutes],
    );
  }

  /** The user of a token that is neither used nor expired, or null. */
  async liveUserOf(tokenHash: Buffer): Promise<string | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM password_reset_tokens
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /**
   * Marks a live token used, in `m`'s transaction, and returns its user; null when it was not
   * live. The row lock the update takes makes a concurrent second use wait, then find it used.
   */
  async consume(tokenHash: Buffer, m: EntityManager): Promise<string | null> {
    const { rows } = await change<{ user_id: string }>(
      m,
      `UPDATE password_reset_tokens SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Drops a user's outstanding link, in `m`'s transaction (the password changed otherwise). */
  async dropFor(userId: string, m: EntityManager): Promise<void> {
    await m.delete(PasswordResetToken, { userId });
  }
}
