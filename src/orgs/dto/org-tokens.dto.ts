import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../../common/validation/presence.js';
import { ListTokensQuery } from '../../tokens/dto/token-queries.dto.js';

export class ListOrgTokensQuery extends ListTokensQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      "Only the tokens that break the organization's policy (made before it was tightened)",
  })
  @Optional()
  @IsIn(['true', 'false'])
  outOfPolicy?: 'true' | 'false';
}
