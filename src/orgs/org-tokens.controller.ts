import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { actorOf } from '../audit/audit-actor.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { CreateTokenDto } from '../tokens/dto/create-token.dto.js';
import { DeleteTokenQuery } from '../tokens/dto/token-queries.dto.js';
import {
  CreatedTokenDto,
  RotatedTokenDto,
  TokenDto,
  TokenPageDto,
} from '../tokens/dto/token-view.dto.js';
import { RotateTokenDto, UpdateTokenDto } from '../tokens/dto/update-token.dto.js';
import { ListOrgTokensQuery } from './dto/org-tokens.dto.js';
import { OrgTokensService } from './org-tokens.service.js';
import { ORG_PARAM } from './orgs.controller.js';
import { IDEMPOTENCY_KEY, checkedIdempotencyKey } from '../tokens/idempotency-key.js';

@ApiTags('orgs')
@ApiBadRequestResponse({
  description: "Invalid input, or a rule of the organization's policy broken",
  type: ErrorResponseDto,
})
@ApiParam(ORG_PARAM)
@Controller('orgs/:org/tokens')
export class OrgTokensController {
  constructor(private readonly tokens: OrgTokensService) {}

  @Post()
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'createOrgToken',
    summary: "Create an organization's API token (admin+)",
    description:
      'The token acts for the organization, not for its creator, and keeps working when they leave. Its scopes are at most what the creator may grant and what the policy allows.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body within 24 h replays the first response',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  })
  @ApiCreatedResponse({ type: CreatedTokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'MAX_TOKENS_PER_ORG reached, or an active token of that name exists',
    type: ErrorResponseDto,
  })
  @ApiUnprocessableEntityResponse({
    description: 'Idempotency-Key reused with another body',
    type: ErrorResponseDto,
  })
  async create(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Body() body: CreateTokenDto,
    @Client() client: ClientContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedTokenDto> {
    const { created, replayed } = await this.tokens.create(
      principal,
      org,
      body,
      actorOf(principal, client),
      checkedIdempotencyKey(idempotencyKey),
    );
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    return created;
  }

  @Get()
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'listOrgTokens',
    summary: "An organization's API tokens, newest first",
  })
  @ApiOkResponse({ type: TokenPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  list(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Query() query: ListOrgTokensQuery,
  ): Promise<TokenPageDto> {
    return this.tokens.list(principal, org, query);
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'getOrgToken',
    summary: "One of an organization's API tokens",
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TokenDto> {
    return this.tokens.get(principal, org, id);
  }

  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'updateOrgToken',
    summary: "Change an organization's API token (admin+)",
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The token is revoked or expired, or another active token has that name',
    type: ErrorResponseDto,
  })
  update(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateTokenDto,
    @Client() client: ClientContext,
  ): Promise<TokenDto> {
    return this.tokens.update(principal, org, id, body, actorOf(principal, client));
  }

  @Post(':id/rotate')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'rotateOrgToken',
    summary: "Replace the secret of an organization's API token (admin+)",
    description: 'The old secret works for gracePeriodSeconds more.',
  })
  @ApiCreatedResponse({ type: RotatedTokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The token is revoked, expired or already rotated',
    type: ErrorResponseDto,
  })
  rotate(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RotateTokenDto,
    @Client() client: ClientContext,
  ): Promise<RotatedTokenDto> {
    return this.tokens.rotate(
      principal,
      org,
      id,
      body.gracePeriodSeconds ?? 0,
      actorOf(principal, client),
    );
  }

  @Delete(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(204)
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'revokeOrgToken',
    summary: "Revoke an organization's API token (admin+). Idempotent.",
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeleteTokenQuery,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.tokens.revoke(principal, org, id, query, actorOf(principal, client));
  }
}
