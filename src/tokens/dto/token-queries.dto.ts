import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/http/page-query.dto.js';
import { Optional, QueryInteger } from '../../common/validation/presence.js';
import { TOKEN_STATUSES } from '../token-status.js';
import { MAX_LIFETIME_DAYS } from './token-input-rules.js';

export const STATUS_FILTERS = [...TOKEN_STATUSES, 'all'] as const;
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
