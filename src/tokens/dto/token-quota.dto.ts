import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { MAX_QUOTA, QUOTA_PERIODS, type QuotaPeriod } from '../../usage/quota-period.js';

/** `quota` on create and PATCH: at most `limit` successful uses per calendar period (UTC). */
export class TokenQuotaDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_QUOTA,
    description: 'Successful uses allowed in each period',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  limit: number;

  @ApiProperty({
    enum: QUOTA_PERIODS,
    description: 'A UTC calendar day or month, or the whole life of the token (and its rotations)',
  })
  @IsIn(QUOTA_PERIODS)
  period: QuotaPeriod;
}

/** A token's quota as its view shows it. */
export class TokenQuotaViewDto {
  @ApiProperty({ type: 'integer' })
  limit: number;

  @ApiProperty({ enum: QUOTA_PERIODS })
  period: QuotaPeriod;

  @ApiProperty({ type: 'integer', description: 'Successful uses left in this period' })
  remaining: number;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the period ends and the quota starts over; null for total',
  })
  reset: string | null;
}
