import {
  NULLABLE_INTEGER,
  NULLABLE_STRING,
  STRING,
  STRINGS,
  type ResponseShape,
} from '../../common/http/serialized.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  IsObject,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { SCOPES } from '../../common/auth/scopes.js';
import type { TokenRecord } from '../../common/auth/principal.js';
import { IsDateTime } from '../../common/validation/date-time.js';
import { Optional, OptionalNullable, QueryInteger } from '../../common/validation/presence.js';
import type { ApiToken, TokenStatus } from '../api-token.entity.js';
import { MAX_ALLOWED_IPS, canonicalAllowedIp } from '../ip-allowlist.js';
import type { LastUse } from '../last-used.tracker.js';
import { PageQuery } from '../../common/http/page-query.dto.js';

export const MAX_LIFETIME_DAYS = 3650;
export const MAX_GRACE_SECONDS = 604_800;
const NOT_BLANK = /\S/;
/**
 * Scope lists are checked against the deployment's scopes (built-in and the policy file's) by
 * the service, which has them; the OpenAPI document lists them as the enum (see openapi.ts).
 */
const MAX_SCOPES = 100;
const MAX_SCOPE_LENGTH = 100;
/** OpenAPI has no format for "an address or a CIDR block"; this one names exactly that. */
const IP_OR_CIDR = { type: 'string', format: 'ip-or-cidr', maxLength: 64 } as const;

/** An IPv4 or IPv6 address, or a CIDR block of either. */
function IsAllowedIp(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isAllowedIp',
      target: target.constructor,
      propertyName: property,
      options: {
        message: `each value in ${property} must be an IPv4 or IPv6 address or CIDR block`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 64 && canonicalAllowedIp(value) !== null,
      },
    });
}

/** The most a token's own limit may say; the server's own limit caps it further (400 above). */
const MAX_RATE = 1_000_000_000;

/** A token's own rate limits: only ever lower than the server's. */
export class TokenRateLimitDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_RATE,
    description: 'Requests a minute; at most TOKEN_RATE_PER_MINUTE (400 above it)',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  perMinute?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_RATE,
    description: 'Requests an hour; at most TOKEN_RATE_PER_HOUR (400 above it)',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  perHour?: number;
}

/** In a PATCH: `null` for a window gives it back the server's limit. */
export class TokenRateLimitPatchDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_RATE,
    nullable: true,
    description: 'Requests a minute, at most TOKEN_RATE_PER_MINUTE; null: the server’s limit',
  })
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  perMinute?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_RATE,
    nullable: true,
    description: 'Requests an hour, at most TOKEN_RATE_PER_HOUR; null: the server’s limit',
  })
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  perHour?: number | null;
}

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

export class CreateTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, pattern: '\\S', example: 'CI deploys' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    minItems: 1,
    maxItems: MAX_SCOPES,
    uniqueItems: true,
    example: ['tokens:read'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCOPES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(MAX_SCOPE_LENGTH, { each: true })
  scopes: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIFETIME_DAYS,
    example: 90,
    description: 'Not together with expiresAt',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_LIFETIME_DAYS)
  expiresInDays?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: `Instead of expiresInDays: in the future, within ${MAX_LIFETIME_DAYS} days`,
  })
  @Optional()
  @IsDateTime()
  expiresAt?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: IP_OR_CIDR,
    maxItems: MAX_ALLOWED_IPS,
    example: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'],
    description: 'Addresses or CIDR blocks the token may be used from; empty or absent: any',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_IPS)
  @IsAllowedIp({ each: true })
  allowedIps?: string[];

  // Without a description: beside a $ref it would wrap the reference in allOf.
  @ApiPropertyOptional({ type: () => TokenRateLimitDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => TokenRateLimitDto)
  rateLimit?: TokenRateLimitDto;
}

export class UpdateTokenDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, pattern: '\\S' })
  @Optional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    nullable: true,
    type: String,
    description: 'null clears it',
  })
  @OptionalNullable()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    enum: SCOPES,
    isArray: true,
    minItems: 1,
    maxItems: MAX_SCOPES,
    uniqueItems: true,
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCOPES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(MAX_SCOPE_LENGTH, { each: true })
  scopes?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: IP_OR_CIDR,
    maxItems: MAX_ALLOWED_IPS,
    description: '[] allows any address',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_IPS)
  @IsAllowedIp({ each: true })
  allowedIps?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'A new expiry: in the future, within TOKEN_MAX_DAYS (default 3650) of now',
  })
  @Optional()
  @IsDateTime()
  expiresAt?: string;

  @ApiPropertyOptional({ type: () => TokenRateLimitPatchDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => TokenRateLimitPatchDto)
  rateLimit?: TokenRateLimitPatchDto;
}

export class RotateTokenDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_GRACE_SECONDS,
    default: 0,
    description: 'How long the replaced token keeps working',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_GRACE_SECONDS)
  gracePeriodSeconds?: number;
}

export const STATUS_FILTERS = ['active', 'expired', 'revoked', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export class ListTokensQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUS_FILTERS, default: 'active' })
  @Optional()
  @IsIn(STATUS_FILTERS)
  status?: StatusFilter;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIFETIME_DAYS })
  @Optional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_LIFETIME_DAYS)
  expiringWithinDays?: number;
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

  @ApiProperty({ enum: ['active', 'expired', 'revoked'] })
  status: TokenStatus;

  @ApiProperty({ type: TokenRateLimitViewDto })
  rateLimit: TokenRateLimitViewDto;
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Imported tokens only: the id the system it came from knew it by',
  })
  externalId?: string;

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
      status:
        revokedAt !== null && revokedAt <= now
          ? 'revoked'
          : expiresAt !== null && expiresAt <= now
            ? 'expired'
            : 'active',
      rateLimit: { ...token.rateLimit },
      ...(token.externalId ? { externalId: token.externalId } : {}),
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
    externalId: STRING,
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
  @ApiProperty({ format: 'uuid', description: 'The owner' })
  userId: string;
}

export class AdminTokenPageDto {
  @ApiProperty({ type: [AdminTokenDto] })
  items: AdminTokenDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class DeleteTokenQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Also delete the row at once (the audit log keeps the events)',
  })
  @Optional()
  @IsIn(['true', 'false'])
  permanent?: 'true' | 'false';
}

export class TokenPageDto {
  @ApiProperty({ type: [TokenDto] })
  items: TokenDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
