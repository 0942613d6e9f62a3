import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit-actor.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginDto } from '../auth/dto/auth.dto.js';
import { MfaRequiredDto } from '../auth/dto/mfa-required.dto.js';
import type { MfaRequired } from '../auth/second-factor-gate.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { AppConfig } from '../common/config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { SessionsService, type TokenPair } from '../sessions/sessions.service.js';
import { REFRESH_COOKIE, readCookie, refreshCookie } from './browser-cookie.js';
import { CsrfGuard } from './csrf.guard.js';
import { BrowserSessionDto } from './dto.js';

const DAY_SECONDS = 86_400;

/**
 * Login sessions for browser front ends (the console, or your own): the refresh token lives in
 * an HttpOnly cookie scripts cannot read, the access token in the page's memory. Every route
 * refuses cross-site requests (see CsrfGuard).
 */
@ApiTags('auth')
@ApiHeader({
  name: 'X-Tessera-CSRF',
  required: true,
  description: 'Must be `1`',
  schema: { type: 'string', enum: ['1'] },
})
@ApiForbiddenResponse({ description: 'Cross-site request', type: ErrorResponseDto })
@UseGuards(CsrfGuard)
@Controller('auth/browser')
export class BrowserSessionController {
  private auth?: AuthService;

  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Browser log in: the refresh token is set as an HttpOnly cookie',
    description:
      'Same checks and throttling as POST /auth/login. The answer carries the access token; the refresh token goes into a `SameSite=Strict`, `HttpOnly` cookie (`Secure` outside development) scoped to `/api/v1/auth/browser/refresh`.',
  })
  @ApiExtraModels(MfaRequiredDto)
  @ApiOkResponse({
    description:
      'The access token; or, for a user with a second factor, `{mfaRequired: true, mfaToken, methods}` to complete at POST /auth/browser/mfa/verify (no cookie until then)',
    schema: {
      oneOf: [{ $ref: getSchemaPath(BrowserSessionDto) }, { $ref: getSchemaPath(MfaRequiredDto) }],
    },
  })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
  @ApiUnauthorizedResponse({
    description: 'Unknown email or wrong password',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async login(
    @Body() body: LoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto | MfaRequired> {
    const outcome = await this.authService().login(body, client);
    // A second factor is due: no cookie until POST /auth/browser/mfa/verify.
    return 'mfaRequired' in outcome ? outcome : this.answer(reply, outcome);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Browser refresh: rotates the refresh cookie, returns a new access token',
    description:
      'Reads the `tessera_refresh` cookie set by the browser login. Same rules as POST /auth/refresh (grace window, reuse detection, throttling per client address).',
  })
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiUnauthorizedResponse({
    description: 'No cookie, or an unknown, expired, revoked or reused refresh token',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async refresh(
    @Req() request: FastifyRequest,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    const token = readCookie(request.headers.cookie, REFRESH_COOKIE);
    try {
      if (!token) throw new DomainError('InvalidToken', 'No refresh cookie');
      // Throttled per client address like POST /auth/refresh.
      return this.answer(reply, await this.authService().refresh(token, client));
    } catch (error) {
      // A cookie that no longer works is of no use to the browser: drop it.
      if (error instanceof DomainError && error.status === 401) {
        void reply.header('set-cookie', this.cookie(null));
      }
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ duringEnrollment: true })
  @ApiOperation({ summary: 'Browser log out: revokes the calling session and clears the cookie' })
  @ApiNoContentResponse()
  async logout(
    @Principal() principal: AuthPrincipal,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.header('set-cookie', this.cookie(null));
    if (!principal.sessionId) {
      throw new DomainError(
        'BadRequest',
        'This route needs a session access token, not an API token',
      );
    }
    await this.sessions.revoke(
      userIdOf(principal),
      principal.sessionId,
      'logout',
      actorOf(principal, client),
    );
  }

  private answer(reply: FastifyReply, pair: TokenPair): BrowserSessionDto {
    void reply.header('set-cookie', this.cookie(pair.refreshToken));
    return {
      accessToken: pair.accessToken,
      tokenType: 'Bearer',
      expiresIn: pair.expiresIn,
      sessionId: pair.sessionId,
    };
  }

  private cookie(value: string | null): string {
    return refreshCookie(value, {
      secure: this.config.nodeEnv !== 'development',
      maxAgeSeconds: this.config.sessionMaxDays * DAY_SECONDS,
    });
  }

  /** AuthModule keeps AuthService to itself; it is looked up once, as the same instance. */
  private authService(): AuthService {
    this.auth ??= this.moduleRef.get(AuthService, { strict: false });
    return this.auth;
  }
}
