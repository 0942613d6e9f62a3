import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
import { Optional } from '../../common/validation/presence.js';
import {
  MAX_LIFETIME_DAYS,
  MAX_RATE,
  MAX_SCOPE_LENGTH,
  MAX_SCOPES,
  NOT_BLANK,
} from '../../tokens/dto/token-input-rules.js';
import { TokenQuotaDto } from '../../tokens/dto/token-quota.dto.js';
import type { Org } from '../org.entity.js';
import type { OrgPolicy } from '../org-policy.js';
import { ORG_ROLES, type OrgRole } from '../org-roles.js';
import { SLUG_INPUT } from '../org-slug.js';

export class OrgRateLimitDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RATE, example: 1000 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  perMinute?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RATE, example: 50000 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE)
  perHour?: number;
}

/** What an organization requires of its tokens; every rule optional. */
export class OrgPolicyDto implements OrgPolicy {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIFETIME_DAYS,
    example: 90,
    description: 'The longest lifetime of an org token, in days',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_LIFETIME_DAYS)
  maxTokenDays?: number;

  @ApiPropertyOptional({
    example: true,
    description: 'Every org token must name the addresses it may be used from',
  })
  @Optional()
  @IsBoolean()
  requireIpAllowlist?: boolean;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: MAX_SCOPE_LENGTH },
    maxItems: MAX_SCOPES,
    uniqueItems: true,
    example: ['tokens:read'],
    description: 'The only scopes org tokens may carry',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(MAX_SCOPE_LENGTH, { each: true })
  allowedScopes?: string[];

  // One budget shared by all the organization's tokens. Without a description: beside a $ref
  // it would wrap the reference in allOf.
  @ApiPropertyOptional({ type: () => OrgRateLimitDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrgRateLimitDto)
  rateLimit?: OrgRateLimitDto;

  // The quota of every org token that sets none of its own: the token's own quota wins.
  @ApiPropertyOptional({ type: () => TokenQuotaDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => TokenQuotaDto)
  quota?: TokenQuotaDto;
}

export class CreateOrgDto {
  @ApiProperty({ minLength: 1, maxLength: 100, pattern: NOT_BLANK.source, example: 'Acme Corp' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 40,
    pattern: SLUG_INPUT.source,
    example: 'acme',
    description:
      'Stored lower-cased, unique ignoring case; derived from the name when absent. Reserved words and id-shaped slugs are refused.',
  })
  @Optional()
  @IsString()
  @Matches(SLUG_INPUT, { message: 'slug must be 3 to 40 characters of a-z, 0-9 and -' })
  slug?: string;
}

export class UpdateOrgDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    pattern: NOT_BLANK.source,
    example: 'Acme Corporation',
  })
  @Optional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  // Replaces the previous policy whole; {} clears it.
  @ApiPropertyOptional({ type: () => OrgPolicyDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => OrgPolicyDto)
  policy?: OrgPolicyDto;
}

export class OrgDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Acme Corp' })
  name: string;

  @ApiProperty({ example: 'acme' })
  slug: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ enum: ORG_ROLES, description: "The caller's role" })
  role: OrgRole;

  @ApiProperty({ type: () => OrgPolicyDto })
  policy: OrgPolicyDto;

  static from(org: Org, role: OrgRole): OrgDto {
    return {
      id: org.id,
      name: org.name,
      slug: org.slug,
      createdAt: org.createdAt.toISOString(),
      role,
      policy: org.policy,
    };
  }
}

export class OrgListDto {
  @ApiProperty({ type: [OrgDto] })
  items: OrgDto[];
}

export class AdminOrgDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Acme Corp' })
  name: string;

  @ApiProperty({ example: 'acme' })
  slug: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: () => OrgPolicyDto })
  policy: OrgPolicyDto;

  @ApiProperty({ type: 'integer', example: 3 })
  members: number;
}

export class AdminOrgPageDto {
  @ApiProperty({ type: [AdminOrgDto] })
  items: AdminOrgDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
