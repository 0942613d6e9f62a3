import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { change } from '../database/returning.js';

/** Which second factors a user has (confirmed ones only). */
export interface EnrolledFactors {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

/** The queries on `totp_factors` and `recovery_codes`. */
@Injectable()
export class SecondFactorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enrolled(
    userId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<EnrolledFactors> {
    const rows: { totp: boolean; passkeys: number; recovery: number }[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
              (SELECT count(*)::int FROM passkeys WHERE user_id = $1) AS passkeys,
              (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS recovery`,
      [userId],
    );
    const row = rows[0];
    return { totp: row.totp, passkeys: row.passkeys, recoveryCodesLeft: row.recovery };
  }

  /** The sealed secret of a user's TOTP factor, confirmed or still pending. */
  async totpOf(
    userId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ secretSealed: Buffer; confirmed: boolean } | null> {
    const rows: { secret_sealed: Buffer; confirmed: boolean }[] = await m.query(
      `SELECT secret_sealed, confirmed_at IS NOT NULL AS confirmed FROM totp_factors WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ? { secretSealed: rows[0].secret_sealed, confirmed: rows[0].confirmed } : null;
  }

  /** A new pending set-up, replacing an earlier pending one; false when one is confirmed already. */
  async startTotp(userId: string, secretSealed: Buffer, m: EntityManager): Promise<boolean> {
    const { affected } = await change(
      m,
      `INSERT INTO totp_factors (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now()
         WHERE totp_factors.confirmed_at IS NULL`,
      [userId, secretSealed],
    );
    return affected > 0;
  }

  /**
   * Accepts a code of `step` for the user's factor (pending when `confirming`, else confirmed):
   * only when no code of that step or a later one was accepted before. One statement, so of
   * two requests racing with the same code exactly one gets the row.
   */
  async acceptTotpStep(
    userId: string,
    step: number,
    confirming: boolean,
    m: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const { affected } = await change(
      m,
      `UPDATE totp_factors
          SET last_used_step = $2,
              confirmed_at = COALESCE(confirmed_at, CASE WHEN $3 THEN now() END)
        WHERE user_id = $1 AND last_used_step < $2
          AND (confirmed_at IS NULL) = $3`,
      [userId, step, confirming],
    );
    return affected > 0;
  }

  async deleteTotp(userId: string, m: EntityManager): Promise<boolean> {
    const { affected } = await change(
      m,
      `DELETE FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL`,
      [userId],
    );
    return affected > 0;
  }

  /** Replaces every recovery code of the user. */
  async replaceRecoveryCodes(userId: string, hashes: Buffer[], m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    await m.query(
      `INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`,
      [userId, hashes],
    );
  }

  async deleteRecoveryCodes(userId: string, m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  }

  /** Uses a recovery code: true once, for the first of concurrent uses. */
  async useRecoveryCode(
    userId: string,
    codeHash: Buffer,
    m: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const { affected } = await change(
      m,
      `UPDATE recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, codeHash],
    );
    return affected > 0;
  }
}
