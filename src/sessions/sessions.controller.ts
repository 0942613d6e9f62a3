import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { actorOf } from '../audit/audit-actor.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { RevokedCountDto } from '../common/http/revoked-count.dto.js';
import { RevokeSessionsQuery, SessionDto } from './dto/session.dto.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @Authenticated({ scopes: ['sessions:read'] })
  @ApiOperation({ summary: "The caller's active sessions, newest first" })
  @ApiOkResponse({ type: [SessionDto] })
  async list(@Principal() principal: AuthPrincipal): Promise<SessionDto[]> {
    const sessions = await this.sessions.listActive(userIdOf(principal));
    return sessions.map((session) => SessionDto.from(session, principal.sessionId));
  }

  @Delete(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(204)
  @Authenticated({ scopes: ['sessions:write'] })
  @ApiOperation({ summary: 'Revoke a session: its tokens stop working at once. Idempotent.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'Not a UUID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.sessions.revoke(userIdOf(principal), id, 'revoked', actorOf(principal, client));
  }

  @Delete()
  @Authenticated({ scopes: ['sessions:write'] })
  @ApiOperation({
    summary: 'Revoke every session but the calling one',
    description: 'Called with an API token, which belongs to no session, it revokes them all.',
  })
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiBadRequestResponse({ description: 'except=current is missing', type: ErrorResponseDto })
  async revokeOthers(
    @Principal() principal: AuthPrincipal,
    @Query() _query: RevokeSessionsQuery,
    @Client() client: ClientContext,
  ): Promise<RevokedCountDto> {
    const revoked = await this.sessions.revokeAll(userIdOf(principal), 'revoked', {
      actor: actorOf(principal, client),
      except: principal.sessionId,
    });
    return { revoked: revoked.length };
  }
}
