import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional, QueryInteger } from '../../common/validation/presence.js';
import { GRANULARITIES, MAX_BUCKETS, type Granularity } from '../usage-range.js';

const DATE_DESCRIPTION =
  'ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z';

/** `?from&to`: a range of UTC buckets. */
export class UsageRangeQuery {
  @ApiPropertyOptional({
    description: `${DATE_DESCRIPTION}. Default: 24 hours (30 days by day) before \`to\``,
    format: 'date-time',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: `${DATE_DESCRIPTION}. Default: now`, format: 'date-time' })
  @Optional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

export class UsageQuery extends UsageRangeQuery {
  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'hour',
    description: `Bucket size; at most ${MAX_BUCKETS} buckets per query`,
  })
  @Optional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}

export class TopUsageQuery extends UsageRangeQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 10 })
  @Optional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class UsagePointDto {
  @ApiProperty({ description: 'Start of the bucket (UTC)', format: 'date-time' })
  start: string;

  @ApiProperty({ description: 'Uses that were let through' })
  valid: number;

  @ApiProperty({
    description: 'Refused uses by code (RATE_LIMITED, IP_NOT_ALLOWED, USAGE_EXCEEDED, …)',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { RATE_LIMITED: 2 },
  })
  refused: Record<string, number>;
}

export class TokenUsageDto {
  @ApiProperty({ format: 'uuid' })
  tokenId: string;

  @ApiProperty({ enum: GRANULARITIES })
  granularity: Granularity;

  @ApiProperty({ type: [UsagePointDto], description: 'One point per bucket, oldest first' })
  series: UsagePointDto[];
}

export class OrgTopTokenDto {
  @ApiProperty({ format: 'uuid' })
  tokenId: string;

  @ApiProperty({ description: 'The token name' })
  name: string;

  @ApiProperty({ description: 'Uses let through in the range' })
  valid: number;

  @ApiProperty({ description: 'Uses refused in the range, all codes together' })
  refused: number;
}

export class OrgUsageDto {
  @ApiProperty({ format: 'uuid' })
  orgId: string;

  @ApiProperty({ enum: GRANULARITIES })
  granularity: Granularity;

  @ApiProperty({
    type: [UsagePointDto],
    description: "One point per bucket, oldest first: the sum of the organization's tokens",
  })
  series: UsagePointDto[];

  @ApiProperty({
    type: [OrgTopTokenDto],
    description: "The organization's most used tokens in the range (at most 10), most first",
  })
  top: OrgTopTokenDto[];
}

export class TopTokenDto {
  @ApiProperty({ format: 'uuid' })
  tokenId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The owner' })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The token name' })
  name: string | null;

  @ApiProperty()
  valid: number;

  @ApiProperty()
  refused: number;

  @ApiProperty({ description: 'valid + refused' })
  total: number;
}

export class TopUsageDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the first hour counted' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'End of the last hour counted' })
  to: string;

  @ApiProperty({ type: [TopTokenDto], description: 'Most uses first' })
  items: TopTokenDto[];
}
