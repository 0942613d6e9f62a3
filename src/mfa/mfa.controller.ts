import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { actorOf } from '../audit/audit-actor.js';
import { TokenPairDto } from '../auth/dto/auth.dto.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import type { TokenPair } from '../sessions/sessions.service.js';
import {
  CEREMONY_OPTIONS,
  MfaPasskeyOptionsDto,
  SecondFactorsDto,
  MfaVerifyDto,
  RecoveryCodesDto,
  StepUpDto,
  StepUpResultDto,
  TotpCodeDto,
  TotpSetupDto,
} from './dto/mfa.dto.js';
import type { FactorProof } from './factor-verifier.js';
import { MfaLoginService } from './mfa-login.service.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import { SecondFactorsRepository, type EnrolledFactors } from './second-factors.repository.js';
import { sessionUserOf } from './session-only.js';
import { StepUpService } from './step-up.service.js';
import { TotpService } from './totp.service.js';

/** TOTP, the second step of a login, and step-up. */
@ApiTags('second factors')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiPayloadTooLargeResponse({ description: 'Body over 64 KiB', type: ErrorResponseDto })
@Controller('auth')
export class MfaController {
  constructor(
    private readonly totp: TotpService,
    private readonly login: MfaLoginService,
    private readonly stepUps: StepUpService,
    private readonly assertions: PasskeyAssertions,
    private readonly factors: SecondFactorsRepository,
  ) {}

  @Get('mfa')
  @Authenticated({ scopes: ['profile:read'], duringEnrollment: true })
  @ApiOperation({ summary: 'Which second factors the caller has' })
  @ApiOkResponse({ type: SecondFactorsDto })
  status(@Principal() principal: AuthPrincipal): Promise<EnrolledFactors> {
    return this.factors.enrolled(userIdOf(principal));
  }

  @Post('mfa/totp')
  @HttpCode(200)
  @Authenticated({ stepUp: true, duringEnrollment: true })
  @ApiOperation({
    summary: 'Start a TOTP set-up: a new secret, pending until confirmed with a code',
  })
  @ApiOkResponse({ type: TotpSetupDto })
  @ApiConflictResponse({ description: 'TOTP is enabled already', type: ErrorResponseDto })
  setUp(@Principal() principal: AuthPrincipal): Promise<TotpSetupDto> {
    return this.totp.setUp(sessionUserOf(principal));
  }

  @Post('mfa/totp/confirm')
  @HttpCode(200)
  @Authenticated({ stepUp: true, duringEnrollment: true })
  @ApiOperation({ summary: 'Enable TOTP with a first code; answers ten recovery codes, once' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiConflictResponse({ description: 'No set-up pending', type: ErrorResponseDto })
  async confirm(
    @Principal() principal: AuthPrincipal,
    @Body() body: TotpCodeDto,
    @Client() client: ClientContext,
  ): Promise<RecoveryCodesDto> {
    const userId = sessionUserOf(principal);
    return {
      recoveryCodes: await this.totp.confirm(userId, body.code, actorOf(principal, client)),
    };
  }

  @Delete('mfa/totp')
  @HttpCode(204)
  @Authenticated({ stepUp: true })
  @ApiOperation({ summary: 'Disable TOTP' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'TOTP is not enabled', type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'An admin’s last factor while REQUIRE_MFA_FOR_ADMINS is on',
    type: ErrorResponseDto,
  })
  async disable(
    @Principal() principal: AuthPrincipal,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.totp.disable(sessionUserOf(principal), actorOf(principal, client));
  }

  @Post('mfa/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Second step of a login: a TOTP code, a recovery code or a passkey',
    description:
      'Exactly one of code, recoveryCode and passkey. The mfaToken lives 5 minutes, allows 5 attempts and completes once. Same answer as a login.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({
    description: 'A wrong factor, or an unknown, expired, used or used-up mfaToken',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  verify(@Body() body: MfaVerifyDto, @Client() client: ClientContext): Promise<TokenPair> {
    const { mfaToken, ...proof } = body;
    return this.login.complete(mfaToken, proof as FactorProof, client);
  }

  @Post('mfa/passkey/options')
  @HttpCode(200)
  @ApiOperation({ summary: 'Passkey options for the second step of a login' })
  @ApiOkResponse(CEREMONY_OPTIONS)
  @ApiUnauthorizedResponse({
    description: 'An unknown, expired, used or used-up mfaToken',
    type: ErrorResponseDto,
  })
  async mfaPasskeyOptions(@Body() body: MfaPasskeyOptionsDto) {
    const pending = await this.login.pending(body.mfaToken);
    return this.assertions.options('mfa', pending.userId);
  }

  @Post('step-up')
  @HttpCode(200)
  @Authenticated({ duringEnrollment: true })
  @ApiOperation({
    summary: 'Prove who you are again (RFC 9470): sensitive actions need it within STEP_UP_SECONDS',
    description:
      'Exactly one of password, code, recoveryCode and passkey. With a second factor enrolled, the password alone is refused: the factor is needed.',
  })
  @ApiOkResponse({ type: StepUpResultDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  stepUp(
    @Principal() principal: AuthPrincipal,
    @Body() body: StepUpDto,
    @Client() client: ClientContext,
  ): Promise<StepUpResultDto> {
    return this.stepUps.stepUp(principal, body as FactorProof & { password?: string }, client);
  }

  @Post('step-up/passkey/options')
  @HttpCode(200)
  @Authenticated({ duringEnrollment: true })
  @ApiOperation({ summary: 'Passkey options for a step-up' })
  @ApiOkResponse(CEREMONY_OPTIONS)
  stepUpPasskeyOptions(@Principal() principal: AuthPrincipal) {
    return this.assertions.options('step-up', sessionUserOf(principal));
  }
}
