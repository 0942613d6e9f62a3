import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SCOPES } from '../../common/auth/scopes.js';
import { IsDateTime } from '../../common/validation/date-time.js';
import { Optional, OptionalNullable } from '../../common/validation/presence.js';
import { TokenQuotaDto } from './token-quota.dto.js';
import { MAX_ALLOWED_IPS } from '../ip-allowlist.js';
import {
  IP_OR_CIDR,
  IsAllowedIp,
  MAX_GRACE_SECONDS,
  MAX_RATE,
  MAX_SCOPE_LENGTH,
  MAX_SCOPES,
  NOT_BLANK,
} from './token-input-rules.js';

/** The bodies that change a token: a PATCH of its fields, and a rotation. */

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

  // A new quota (uses already spent in the period count against it); null: none. Without a
  // description: beside a $ref it would wrap the reference in allOf.
  @ApiPropertyOptional({ type: () => TokenQuotaDto, nullable: true })
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => TokenQuotaDto)
  quota?: TokenQuotaDto | null;
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
