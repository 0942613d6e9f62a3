import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';

/** `?limit&cursor` of every paged list (`{items, nextCursor}`), newest first. */
export class PageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    description: 'Items per page (default 20; 50 for the audit log)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
