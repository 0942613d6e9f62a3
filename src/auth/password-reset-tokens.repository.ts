import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PasswordResetToken } from './password-reset-token.entity.js';

/** The queries on `password_reset_tokens`. Validity is judged by the database clock. */
@Injectable()
export class PasswordResetTokens {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a user's new token, dropping any earlier one: only the latest link works. Concurrent
   * requests for one user take turns on the user row, so the last to commit leaves the one token.
   * Returns false when the user was deleted meanwhile.
   */
  replace(userId: string, tokenHash: Buffer, minutes: number): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const users: unknown[] = await m.query(
        'SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE',
        [userId],
      );
      if (users.length === 0) return false;
      await m.delete(PasswordResetToken, { userId });
      await m.query(
        `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3))`,
        [userId, tokenHash, minutes],
      );
      return true;
    });
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
    const result = await m
      .createQueryBuilder()
      .update(PasswordResetToken)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > now()', { tokenHash })
      .returning('user_id')
      .execute();
    const rows = result.raw as { user_id: string }[];
    return rows[0]?.user_id ?? null;
  }

  /** Drops a user's outstanding link, in `m`'s transaction (the password changed otherwise). */
  async dropFor(userId: string, m: EntityManager): Promise<void> {
    await m.delete(PasswordResetToken, { userId });
  }
}
