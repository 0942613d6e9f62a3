import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientContext } from '../common/http/client-context.js';

/** Which devices a user signed in from before, as their sessions (kept until purged) tell. */
@Injectable()
export class SessionDevices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Whether `sessionId` is the user's first session from this device (its X-Device-Id, else
   * its user agent) while the user had sessions before: a first login ever is no news.
   */
  async isNewDevice(userId: string, sessionId: string, client: ClientContext): Promise<boolean> {
    const rows: { before: boolean; known: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM sessions WHERE user_id = $1 AND id <> $2) AS before,
              EXISTS (SELECT 1 FROM sessions
                       WHERE user_id = $1 AND id <> $2
                         AND CASE WHEN $3::varchar IS NOT NULL THEN device_id = $3
                                  ELSE user_agent IS NOT DISTINCT FROM $4::varchar END) AS known`,
      [userId, sessionId, client.deviceId, client.userAgent],
    );
    return rows[0].before && !rows[0].known;
  }
}
