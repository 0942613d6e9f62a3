import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { TokenReadsService } from '../tokens/token-reads.service.js';
import { TopUsageDto, TopUsageQuery } from '../usage/dto/usage.dto.js';
import { UsageService } from '../usage/usage.service.js';

@ApiTags('admin')
@Authenticated({ scopes: ['admin'] })
@Controller('admin/usage')
export class AdminUsageController {
  constructor(
    private readonly usage: UsageService,
    private readonly tokens: TokenReadsService,
  ) {}

  @Get('top')
  @ApiOperation({
    summary: 'The most used API tokens of every user',
    description:
      'Uses (let through and refused) in the UTC hours from `from` to `to` (default: the last 24 hours), most first.',
  })
  @ApiOkResponse({ type: TopUsageDto })
  @ApiBadRequestResponse({
    description: 'An unreadable date, from not before to, or a range over 400 days',
    type: ErrorResponseDto,
  })
  async top(@Query() query: TopUsageQuery): Promise<TopUsageDto> {
    const { from, to, rows } = await this.usage.top(query);
    const owners = await this.tokens.ownersOf(rows.map((row) => row.tokenId));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      items: rows.map((row) => ({
        tokenId: row.tokenId,
        userId: owners.get(row.tokenId)?.userId ?? null,
        name: owners.get(row.tokenId)?.name ?? null,
        valid: row.valid,
        refused: row.refused,
        total: row.valid + row.refused,
      })),
    };
  }
}
