import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PurgeTarget } from '../database/purge.js';
import { change } from '../database/returning.js';
import { Passkey } from './passkey.entity.js';

/** Expired challenges a new one sweeps away: the table stays the size of the ceremonies under way. */
const SWEEP = 100;

/**
 * For the purge: ceremony challenges past their expiry, which no answer can take any more. The
 * sweep above clears them only while new ceremonies start.
 */
export const WEBAUTHN_CHALLENGES_PURGE: PurgeTarget = {
  table: 'webauthn_challenges',
  due: 'expires_at < $1',
};

export type CeremonyPurpose = 'register' | 'login' | 'mfa' | 'step-up';

/** The queries on `passkeys` and `webauthn_challenges`. */
@Injectable()
export class PasskeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listOf(userId: string): Promise<Passkey[]> {
    return this.dataSource.manager.find(Passkey, {
      where: { userId },
      order: { createdAt: 'ASC' },
    });
  }

  byCredentialId(credentialId: string): Promise<Passkey | null> {
    return this.dataSource.manager.findOneBy(Passkey, { credentialId });
  }

  insert(
    fields: Pick<
      Passkey,
      'userId' | 'credentialId' | 'publicKey' | 'counter' | 'transports' | 'name'
    >,
    m: EntityManager,
  ): Promise<Passkey> {
    return m.save(m.create(Passkey, fields));
  }

  async rename(userId: string, id: string, name: string): Promise<Passkey | null> {
    const { affected } = await change(
      this.dataSource.manager,
      `UPDATE passkeys SET name = $3 WHERE id = $1 AND user_id = $2`,
      [id, userId, name],
    );
    return affected > 0 ? this.dataSource.manager.findOneBy(Passkey, { id }) : null;
  }

  async delete(userId: string, id: string, m: EntityManager): Promise<Passkey | null> {
    const { rows } = await change<{ name: string }>(
      m,
      `DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name`,
      [id, userId],
    );
    return rows[0] ? ({ id, name: rows[0].name } as Passkey) : null;
  }

  /**
   * Records a use: only when the signature counter moved forward (or the authenticator keeps
   * none: both zero), so a replayed or cloned assertion does not pass twice.
   */
  async recordUse(id: string, newCounter: number): Promise<boolean> {
    const { affected } = await change(
      this.dataSource.manager,
      `UPDATE passkeys SET counter = $2, last_used_at = now()
        WHERE id = $1 AND (counter < $2 OR (counter = 0 AND $2 = 0))`,
      [id, newCounter],
    );
    return affected > 0;
  }

  async saveChallenge(
    challenge: string,
    purpose: CeremonyPurpose,
    userId: string | null,
    minutes: number,
  ): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM webauthn_challenges WHERE id IN (
         SELECT id FROM webauthn_challenges WHERE expires_at < now() LIMIT $1
         FOR UPDATE SKIP LOCKED)`,
      [SWEEP],
    );
    await this.dataSource.query(
      `INSERT INTO webauthn_challenges (challenge, purpose, user_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [challenge, purpose, userId, minutes],
    );
  }

  /**
   * Takes a live challenge handed out for `purpose` (and `userId`, when known): true once. A
   * replayed answer finds it gone.
   */
  async takeChallenge(
    challenge: string,
    purpose: CeremonyPurpose,
    userId: string | null,
  ): Promise<boolean> {
    const { affected } = await change(
      this.dataSource.manager,
      `DELETE FROM webauthn_challenges
        WHERE challenge = $1 AND purpose = $2 AND user_id IS NOT DISTINCT FROM $3
          AND expires_at > now()`,
      [challenge, purpose, userId],
    );
    return affected > 0;
  }
}
