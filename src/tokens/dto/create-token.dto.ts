import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { Optional } from '../../common/validation/presence.js';
import { TokenQuotaDto } from './token-quota.dto.js';
import { MAX_ALLOWED_IPS } from '../ip-allowlist.js';
import {
  IP_OR_CIDR,
  IsAllowedIp,
  MAX_LIFETIME_DAYS,
  MAX_RATE,
  MAX_SCOPE_LENGTH,
  MAX_SCOPES,
  NOT_BLANK,
} from './token-input-rules.js';

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

  @ApiPropertyOptional({ type: () => TokenQuotaDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => TokenQuotaDto)
  quota?: TokenQuotaDto;
}
