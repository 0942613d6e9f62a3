import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { change } from '../database/returning.js';
import { SessionCache } from './session-cache.js';

/**
 * When a session's user last proved who they are (`sessions.auth_time`, RFC 9470): set at
 * login, moved by a step-up. Access tokens read it from the session cache, so the change
 * reaches every instance through the cache's invalidation.
 */
@Injectable()
export class SessionAuthTime {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: SessionCache,
  ) {}

  /** Moves a live session's auth time to now; null when the session is not live. */
  async renew(sessionId: string): Promise<Date | null> {
    const { rows } = await change<{ auth_time: Date }>(
      this.dataSource.manager,
      `UPDATE sessions SET auth_time = now()
        WHERE id = $1 AND revoked_at IS NULL AND LEAST(expires_at, idle_expires_at) > now()
        RETURNING auth_time`,
      [sessionId],
    );
    if (rows.length === 0) return null;
    await this.cache.invalidateEverywhere([sessionId]);
    return rows[0].auth_time;
  }
}
