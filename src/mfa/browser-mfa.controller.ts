import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../common/config/app-config.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { refreshCookie } from '../console/browser-cookie.js';
import { CsrfGuard } from '../console/csrf.guard.js';
import { BrowserSessionDto } from '../console/dto.js';
import type { TokenPair } from '../sessions/sessions.service.js';
import { MfaVerifyDto, PasskeyLoginDto } from './dto/mfa.dto.js';
import type { FactorProof } from './factor-verifier.js';
import { MfaLoginService } from './mfa-login.service.js';
import type { PasskeyResponse } from './passkey-assertions.js';

const DAY_SECONDS = 86_400;

/** The browser variants of the second step of a login and of a passkey sign-in: cookie set. */
@ApiTags('auth')
@ApiHeader({
  name: 'X-Tessera-CSRF',
  required: true,
  description: 'Must be `1`',
  schema: { type: 'string', enum: ['1'] },
})
@ApiForbiddenResponse({ description: 'Cross-site request', type: ErrorResponseDto })
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiPayloadTooLargeResponse({ description: 'Body over 64 KiB', type: ErrorResponseDto })
@ApiUnauthorizedResponse({
  description: 'A wrong factor or passkey, or an unknown, expired or used mfaToken',
  type: ErrorResponseDto,
})
@ApiTooManyRequestsResponse({ type: ErrorResponseDto })
@UseGuards(CsrfGuard)
@Controller('auth/browser')
export class BrowserMfaController {
  constructor(
    private readonly login: MfaLoginService,
    private readonly config: AppConfig,
  ) {}

  @Post('mfa/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Browser second step of a login: as POST /auth/mfa/verify, cookie set' })
  @ApiOkResponse({ type: BrowserSessionDto })
  async verify(
    @Body() body: MfaVerifyDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    const { mfaToken, ...proof } = body;
    return this.answer(reply, await this.login.complete(mfaToken, proof as FactorProof, client));
  }

  @Post('passkey/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Browser passkey sign-in: as POST /auth/passkey/login, cookie set' })
  @ApiOkResponse({ type: BrowserSessionDto })
  async passkeyLogin(
    @Body() body: PasskeyLoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    const pair = await this.login.signInWithPasskey(
      body.passkey as unknown as PasskeyResponse,
      client,
    );
    return this.answer(reply, pair);
  }

  private answer(reply: FastifyReply, pair: TokenPair): BrowserSessionDto {
    void reply.header(
      'set-cookie',
      refreshCookie(pair.refreshToken, {
        secure: this.config.nodeEnv !== 'development',
        maxAgeSeconds: this.config.sessionMaxDays * DAY_SECONDS,
      }),
    );
    return {
      accessToken: pair.accessToken,
      tokenType: 'Bearer',
      expiresIn: pair.expiresIn,
      sessionId: pair.sessionId,
    };
  }
}
