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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { actorOf } from '../audit/audit-actor.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { CreateTokenDto } from './dto/create-token.dto.js';
import { DeleteTokenQuery, ListTokensQuery } from './dto/token-queries.dto.js';
import {
  CreatedTokenDto,
  RotatedTokenDto,
  TOKEN_SHAPE,
  TokenDto,
  TokenPageDto,
} from './dto/token-view.dto.js';
import { RotateTokenDto, UpdateTokenDto } from './dto/update-token.dto.js';
import { SerializedAs } from '../common/http/serialized.js';
import { TokenCreationService } from './token-creation.service.js';
import { TokenEditsService } from './token-edits.service.js';
import { TokenReadsService } from './token-reads.service.js';
import { TokenRevocationService } from './token-revocation.service.js';
import { TokenRotationService } from './token-rotation.service.js';
import { IDEMPOTENCY_KEY, checkedIdempotencyKey } from './idempotency-key.js';

@ApiTags('tokens')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiTooManyRequestsResponse({
  description: "The calling API token's rate limit",
  type: ErrorResponseDto,
})
@Controller('tokens')
export class TokensController {
  constructor(
    private readonly creation: TokenCreationService,
    private readonly reads: TokenReadsService,
    private readonly edits: TokenEditsService,
    private readonly rotation: TokenRotationService,
    private readonly revocation: TokenRevocationService,
  ) {}

  @Post()
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    summary: 'Create an API token',
    description: 'The secret is in this response only. It can grant only scopes the caller holds.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body within 24 h replays the first response',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  })
  @ApiCreatedResponse({
    type: CreatedTokenDto,
    headers: {
      'Idempotent-Replayed': {
        description: '`true` when this is the stored answer to an earlier request with this key',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  @ApiConflictResponse({
    description:
      'Token limit reached, an active token of that name exists, or the same Idempotency-Key is still in flight',
    type: ErrorResponseDto,
  })
  @ApiUnprocessableEntityResponse({
    description: 'Idempotency-Key reused with another body',
    type: ErrorResponseDto,
  })
  async create(
    @Principal() principal: AuthPrincipal,
    @Body() body: CreateTokenDto,
    @Client() client: ClientContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedTokenDto> {
    const { created, replayed } = await this.creation.create(
      principal,
      body,
      actorOf(principal, client),
      checkedIdempotencyKey(idempotencyKey),
    );
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    return created;
  }

  @Get()
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({ summary: "The caller's API tokens, newest first" })
  @ApiOkResponse({ type: TokenPageDto })
  list(@Principal() principal: AuthPrincipal, @Query() query: ListTokensQuery) {
    return this.reads.list(userIdOf(principal), query);
  }

  @Get('current')
  @Authenticated()
  @SerializedAs(TOKEN_SHAPE)
  @ApiOperation({ summary: 'The API token making this request' })
  @ApiOkResponse({ type: TokenDto })
  current(@Principal() principal: AuthPrincipal): Promise<TokenDto> {
    return this.reads.current(principal);
  }

  @Post('current/revoke')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'Revoke the API token making this request',
    description: 'Any API token may retire itself, whatever its scopes. Not for session tokens.',
  })
  @ApiNoContentResponse()
  async revokeCurrent(
    @Principal() principal: AuthPrincipal,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.revocation.revokeCurrent(principal, actorOf(principal, client));
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({ summary: 'One API token of the caller' })
  @ApiOkResponse({ type: TokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TokenDto> {
    return this.reads.get(userIdOf(principal), id);
  }

  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    summary: 'Rename, describe, rescope, change the allowlist, expiry or rate limits of a token',
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The token is revoked or expired, or another active token has that name',
    type: ErrorResponseDto,
  })
  update(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateTokenDto,
    @Client() client: ClientContext,
  ): Promise<TokenDto> {
    return this.edits.update(principal, id, body, actorOf(principal, client));
  }

  @Post(':id/rotate')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    summary: 'Replace the secret of a token',
    description:
      'Same name, scopes, allowlist and expiry policy; the old secret works for gracePeriodSeconds more.',
  })
  @ApiCreatedResponse({ type: RotatedTokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The token is revoked, expired or already rotated',
    type: ErrorResponseDto,
  })
  rotate(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RotateTokenDto,
    @Client() client: ClientContext,
  ): Promise<RotatedTokenDto> {
    return this.rotation.rotate(
      principal,
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
    summary: 'Revoke a token: it stops working at once. Idempotent.',
    description:
      'With `permanent=true` the row is deleted too, at once (the audit log keeps the events); a token already deleted is 404.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeleteTokenQuery,
    @Client() client: ClientContext,
  ): Promise<void> {
    const actor = actorOf(principal, client);
    if (query.permanent === 'true') {
      await this.revocation.deletePermanently(userIdOf(principal), id, actor);
    } else {
      await this.revocation.revoke(userIdOf(principal), id, actor);
    }
  }
}
