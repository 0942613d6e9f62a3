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
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { TokenReadsService } from '../tokens/token-reads.service.js';
import { OrgUsageDto, TokenUsageDto, UsageQuery } from '../usage/dto/usage.dto.js';
import { UsageService } from '../usage/usage.service.js';
import { OrgAccessService } from './org-access.js';
import { ORG_PARAM } from './orgs.controller.js';

const BAD_RANGE = {
  description: 'An unreadable date, from not before to, or more than 400 buckets',
  type: ErrorResponseDto,
};

/** Usage of an organization's API tokens: one token's, or all of them summed. Members read it. */
@ApiTags('orgs')
@ApiParam(ORG_PARAM)
@Controller('orgs/:org')
export class OrgUsageController {
  constructor(
    private readonly access: OrgAccessService,
    private readonly reads: TokenReadsService,
    private readonly usage: UsageService,
  ) {}

  @Get('usage')
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'getOrgUsage',
    summary: "Uses of all of an organization's API tokens, per hour or day",
    description:
      "The same points as a token's usage, summed over every token the organization owns (revoked ones included), and its most used tokens in the range. Default: the last 24 hours by hour. At most 400 buckets.",
  })
  @ApiOkResponse({ type: OrgUsageDto })
  @ApiBadRequestResponse(BAD_RANGE)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async orgUsage(
    @Principal() principal: AuthPrincipal,
    @Param('org') ref: string,
    @Query() query: UsageQuery,
  ): Promise<OrgUsageDto> {
    const { org } = await this.access.resolve(principal, ref, 'member');
    return this.usage.orgSeries(org.id, query);
  }

  @Get('tokens/:id/usage')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'getOrgTokenUsage',
    summary: "Uses of one of an organization's API tokens, per hour or day",
    description:
      'One point per UTC bucket from `from` to `to`, empty ones at zero, as for a personal token. Default: the last 24 hours by hour. At most 400 buckets.',
  })
  @ApiOkResponse({ type: TokenUsageDto })
  @ApiBadRequestResponse(BAD_RANGE)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async tokenUsage(
    @Principal() principal: AuthPrincipal,
    @Param('org') ref: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: UsageQuery,
  ): Promise<TokenUsageDto> {
    const { org } = await this.access.resolve(principal, ref, 'member');
    const token = await this.reads.get({ orgId: org.id }, id);
    return this.usage.series(token.id, [token.id], query);
  }
}
