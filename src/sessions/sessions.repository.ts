import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../common/auth/scopes.js';
import { change } from '../database/returning.js';
import type { PurgeTarget } from '../database/purge.js';
import { RefreshToken } from './refresh-token.entity.js';
import type { SessionState } from './session-cache.js';
import { Session, type SessionRevokeReason } from './session.entity.js';

/** Which live sessions a revocation ends. */
export type SessionSelector =
  | { sessionId: string; userId?: string }
  | { userId: string; deviceId: string }
  | { userId: string; except?: string };

/** A session ends at the earliest of revocation, idle and absolute expiry; its refresh tokens go with it (ON DELETE CASCADE). */
export const SESSIONS_PURGE: PurgeTarget = {
  table: 'sessions',
  due: 'LEAST(revoked_at, expires_at, idle_expires_at) < $1',
};

/** The queries on `sessions` and `refresh_tokens`. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(
    fields: Pick<
      Session,
      | 'userId'
      | 'deviceId'
      | 'deviceName'
      | 'ip'
      | 'userAgent'
      | 'lastUsedAt'
      | 'idleExpiresAt'
      | 'expiresAt'
      | 'revokedAt'
      | 'revokeReason'
      | 'scopes'
    >,
    m: EntityManager,
  ): Promise<Session> {
    return m.save(m.create(Session, fields));
  }

  save(session: Session, m: EntityManager): Promise<Session> {
    return m.save(session);
  }

  /** A session, its row locked until the commit. */
  lock(id: string, m: EntityManager): Promise<Session | null> {
    return m
      .createQueryBuilder(Session, 's')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  /** Whether a session is live right now, as seen inside `m`'s transaction. */
  async isLive(sessionId: string, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM sessions
       WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()`,
      [sessionId],
    );
    return rows.length === 1;
  }

  exists(sessionId: string, userId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(Session, { id: sessionId, userId });
  }

  /** Active sessions of a user, newest first. */
  listActive(userId: string): Promise<Session[]> {
    return this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL', { userId })
      .andWhere('s.expires_at > now() AND s.idle_expires_at > now()')
      .orderBy('s.created_at', 'DESC')
      .getMany();
  }

  /** Ends the live sessions `which` selects; returns their ids and owners. */
  async revoke(
    which: SessionSelector,
    reason: SessionRevokeReason,
    m: EntityManager,
  ): Promise<{ id: string; userId: string }[]> {
    let where: string;
    let params: unknown[];
    if ('sessionId' in which) {
      where = 'id = $1 AND ($2::uuid IS NULL OR user_id = $2)';
      params = [which.sessionId, which.userId ?? null];
    } else if ('deviceId' in which) {
      where = 'user_id = $1 AND device_id = $2';
      params = [which.userId, which.deviceId];
    } else {
      where = 'user_id = $1 AND id IS DISTINCT FROM $2::uuid';
      params = [which.userId, which.except ?? null];
    }
    const { rows } = await change<{ id: string; user_id: string }>(
      m,
      `UPDATE sessions SET revoked_at = now(), revoke_reason = $3
       WHERE ${where} AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()
       RETURNING id, user_id`,
      [...params, reason],
    );
    return rows.map((row) => ({ id: row.id, userId: row.user_id }));
  }

  /** The ids of a user's live sessions. */
  async activeIdsOf(userId: string, m: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL
         AND expires_at > now() AND idle_expires_at > now()`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  /** Live sessions per user, for these users. */
  async countActive(userIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; n: number }[] = await this.dataSource.query(
      `SELECT user_id, count(*)::int AS n FROM sessions
       WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL
         AND expires_at > now() AND idle_expires_at > now()
       GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, row.n]));
  }

  /** What the per-request check needs of a session (the user's current role included). */
  async loadState(sessionId: string): Promise<SessionState | null> {
    const rows: {
      user_id: string;
      role: Role;
      disabled: boolean;
      revoked: boolean;
      scopes: string[] | null;
      ends_at: Date;
      auth_time: Date;
      second_factor: boolean;
      email: string;
      name: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT s.user_id, u.role, u.disabled_at IS NOT NULL AS disabled,
                s.revoked_at IS NOT NULL AS revoked, s.scopes,
                LEAST(s.idle_expires_at, s.expires_at) AS ends_at, s.auth_time,
                (EXISTS (SELECT 1 FROM totp_factors f
                          WHERE f.user_id = s.user_id AND f.confirmed_at IS NOT NULL)
                 OR EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = s.user_id)) AS second_factor,
                u.email, u.name, u.created_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    return row
      ? {
          userId: row.user_id,
          role: row.role,
          disabled: row.disabled,
          revoked: row.revoked,
          scopes: row.scopes,
          endsAt: row.ends_at.getTime(),
          authTime: row.auth_time.getTime(),
          secondFactor: row.second_factor,
          account: { email: row.email, name: row.name, createdAt: row.created_at.getTime() },
        }
      : null;
  }

  findRefreshToken(
    by: { tokenHash: Buffer } | { id: string },
    m: EntityManager,
  ): Promise<RefreshToken | null> {
    return m.findOneBy(RefreshToken, by);
  }

  async insertRefreshToken(sessionId: string, tokenHash: Buffer, m: EntityManager): Promise<void> {
    await m.insert(RefreshToken, { sessionId, tokenHash });
  }

  async markRefreshTokenReplaced(
    id: string,
    replacedAt: Date,
    successor: Buffer,
    m: EntityManager,
  ): Promise<void> {
    await m.update(RefreshToken, id, { replacedAt, successor });
  }
}
