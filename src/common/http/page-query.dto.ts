import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional, QueryInteger } from '../validation/presence.js';

/** `?limit&cursor` of every paged list (`{items, nextCursor}`), newest first. */
export class PageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    description: 'Items per page (default 20; 50 for the audit log)',
  })
  @Optional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
