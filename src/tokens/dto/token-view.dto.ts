import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TokenRecord } from '../../common/auth/principal.js';
import { SCOPES } from '../../common/auth/scopes.js';
import {
  NULLABLE_INTEGER,
  NULLABLE_STRING,
  STRING,
  STRINGS,
  type ResponseShape,
} from '../../common/http/serialized.js';
import type { ApiToken } from '../api-token.entity.js';
import { TokenQuotaViewDto } from './token-quota.dto.js';
import type { LastUse } from '../last-used.tracker.js';
import { TOKEN_STATUSES, tokenStatusAt, type TokenStatus } from '../token-status.js';

/** What the API answers about tokens: never a secret but once, at its making; never a hash. */

/** A token's own limits as its view shows them. */
export class TokenRateLimitViewDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Requests a minute; null: the server’s limit (TOKEN_RATE_PER_MINUTE)',
  })
  perMinute: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Requests an hour; null: the server’s limit (TOKEN_RATE_PER_HOUR)',
  })
  perHour: number | null;
}

/** A token as its owner sees it: never the secret, never its hash. */
export class TokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({
    description: 'The first 8 characters of the secret; `legacy` for an imported token',
    example: 'tsr_a1B2',
  })
  prefix: string;

  @ApiProperty({ enum: SCOPES, isArray: true })
  scopes: string[];

  @ApiProperty({ type: [String] })
  allowedIps: string[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Within 60 s' })
  lastUsedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  lastUsedIp: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'In the future while a rotation grace period runs',
  })
  revokedAt: string | null;

  @ApiProperty({ enum: TOKEN_STATUSES })
  status: TokenStatus;

  @ApiProperty({ type: TokenRateLimitViewDto })
  rateLimit: TokenRateLimitViewDto;
  @ApiPropertyOptional({ type: () => TokenQuotaViewDto })
  quota?: TokenQuotaViewDto;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Imported tokens only: the id the system it came from knew it by',
  })
  externalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "An organization's token: its organization" })
  orgId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "An organization's token: who made it (null once that user is deleted)",
  })
  createdBy?: string | null;

  static from(token: ApiToken, unwritten?: LastUse): TokenDto {
    const newer = unwritten && (!token.lastUsedAt || unwritten.at > token.lastUsedAt.getTime());
    return {
      id: token.id,
      name: token.name,
      description: token.description,
      prefix: token.prefix,
      scopes: token.scopes,
      allowedIps: token.allowedIps,
      expiresAt: token.expiresAt?.toISOString() ?? null,
      lastUsedAt: newer
        ? new Date(unwritten.at).toISOString()
        : (token.lastUsedAt?.toISOString() ?? null),
      lastUsedIp: newer ? unwritten.ip || null : token.lastUsedIp,
      createdAt: token.createdAt.toISOString(),
      revokedAt: token.revokedAt?.toISOString() ?? null,
      status: token.status(),
      rateLimit: { perMinute: token.ratePerMinute, perHour: token.ratePerHour },
      ...(token.externalId ? { externalId: token.externalId } : {}),
      ...(token.orgId ? { orgId: token.orgId, createdBy: token.createdBy } : {}),
    };
  }

  /** The same view of a token's cached record (`now` decides the status as `status()` does). */
  static fromRecord(
    id: string,
    token: TokenRecord,
    unwritten?: LastUse,
    now = Date.now(),
  ): TokenDto {
    const newer = unwritten && (token.lastUsedAt === null || unwritten.at > token.lastUsedAt);
    const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
    const { revokedAt, expiresAt } = token;
    return {
      id,
      name: token.name,
      description: token.description,
      prefix: token.prefix,
      scopes: [...token.scopes],
      allowedIps: [...token.allowedIps],
      expiresAt: iso(expiresAt),
      lastUsedAt: newer ? iso(unwritten.at) : iso(token.lastUsedAt),
      lastUsedIp: newer ? unwritten.ip || null : token.lastUsedIp,
      createdAt: iso(token.createdAt)!,
      revokedAt: iso(revokedAt),
      status: tokenStatusAt(revokedAt, expiresAt, now),
      rateLimit: { ...token.rateLimit },
      ...(token.externalId ? { externalId: token.externalId } : {}),
      ...(token.orgId ? { orgId: token.orgId, createdBy: token.createdBy ?? null } : {}),
    };
  }
}

/** {@link TokenDto} for the compiled serializer of `GET /tokens/current`. */
export const TOKEN_SHAPE: ResponseShape = {
  type: 'object',
  properties: {
    id: STRING,
    name: STRING,
    description: NULLABLE_STRING,
    prefix: STRING,
    scopes: STRINGS,
    allowedIps: STRINGS,
    expiresAt: NULLABLE_STRING,
    lastUsedAt: NULLABLE_STRING,
    lastUsedIp: NULLABLE_STRING,
    createdAt: STRING,
    revokedAt: NULLABLE_STRING,
    status: STRING,
    rateLimit: {
      type: 'object',
      properties: { perMinute: NULLABLE_INTEGER, perHour: NULLABLE_INTEGER },
    },
    quota: {
      type: 'object',
      properties: {
        limit: { type: 'integer' },
        period: STRING,
        remaining: { type: 'integer' },
        reset: NULLABLE_STRING,
      },
    },
    externalId: STRING,
    orgId: STRING,
    createdBy: NULLABLE_STRING,
  },
};

export class CreatedTokenDto extends TokenDto {
  @ApiProperty({ description: 'The secret. Shown this once: only a hash of it is kept.' })
  token: string;
}

export class RotatedTokenDto extends CreatedTokenDto {
  @ApiProperty({ format: 'uuid' })
  rotatedFromId: string;
}

/** A token as admins see it across users. */
export class AdminTokenDto extends TokenDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "The owner; null for an organization's token (see orgId)",
  })
  userId: string | null;
}

export class AdminTokenPageDto {
  @ApiProperty({ type: [AdminTokenDto] })
  items: AdminTokenDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class TokenPageDto {
  @ApiProperty({ type: [TokenDto] })
  items: TokenDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
