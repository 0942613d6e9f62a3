import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Session } from '../session.entity.js';
import { deviceLabel } from '../device-label.js';

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  deviceId: string | null;

  @ApiProperty({ nullable: true, type: String })
  deviceName: string | null;

  @ApiProperty({ nullable: true, type: String })
  ip: string | null;

  @ApiProperty({ nullable: true, type: String })
  userAgent: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'Last login or refresh' })
  lastUsedAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends unless refreshed' })
  expiresAt: string;

  @ApiProperty({ description: 'Whether this is the session making the request' })
  current: boolean;

  static from(session: Session, currentSessionId?: string): SessionDto {
    return {
      id: session.id,
      deviceId: session.deviceId,
      // What the client called it, else a label read from its user agent.
      deviceName: session.deviceName ?? deviceLabel(session.userAgent),
      ip: session.ip,
      userAgent: session.userAgent,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: session.endsAt().toISOString(),
      current: session.id === currentSessionId,
    };
  }
}

export class RevokeSessionsQuery {
  @ApiProperty({ enum: ['current'], description: 'Keep the calling session' })
  @IsIn(['current'])
  except: 'current';
}
