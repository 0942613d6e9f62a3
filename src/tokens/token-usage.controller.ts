import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { TokenUsageDto, UsageQuery } from '../usage/dto/usage.dto.js';
import { UsageService } from '../usage/usage.service.js';
import { TokenReadsService } from './token-reads.service.js';

@ApiTags('tokens')
@Controller('tokens')
export class TokenUsageController {
  constructor(
    private readonly reads: TokenReadsService,
    private readonly usage: UsageService,
  ) {}

  @Get(':id/usage')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    summary: 'Uses of one API token of the caller, per hour or day',
    description:
      'One point per UTC bucket from `from` to `to`, empty ones at zero: uses let through (`valid`) and refused ones by code. Default: the last 24 hours by hour. At most 400 buckets.',
  })
  @ApiOkResponse({ type: TokenUsageDto })
  @ApiBadRequestResponse({
    description: 'An unreadable date, from not before to, or more than 400 buckets',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async usageOf(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: UsageQuery,
  ): Promise<TokenUsageDto> {
    const token = await this.reads.get(userIdOf(principal), id);
    return this.usage.series(token.id, [token.id], query);
  }
}
