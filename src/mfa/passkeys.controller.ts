import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiPayloadTooLargeResponse,
  ApiTooManyRequestsResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
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
  PasskeyLoginDto,
  PasskeyRegisterDto,
  PasskeyRenameDto,
  PasskeyViewDto,
} from './dto/mfa.dto.js';
import { MfaLoginService } from './mfa-login.service.js';
import { PasskeyAssertions, type PasskeyResponse } from './passkey-assertions.js';
import { PasskeyRegistrationService, type PasskeyView } from './passkey-registration.service.js';
import { sessionUserOf } from './session-only.js';

/** Passkeys (WebAuthn): registered under /auth/mfa/passkeys, signing in at /auth/passkey. */
@ApiTags('second factors')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiPayloadTooLargeResponse({ description: 'Body over 64 KiB', type: ErrorResponseDto })
@Controller('auth')
export class PasskeysController {
  constructor(
    private readonly registration: PasskeyRegistrationService,
    private readonly assertions: PasskeyAssertions,
    private readonly login: MfaLoginService,
  ) {}

  @Post('mfa/passkeys/options')
  @HttpCode(200)
  @Authenticated({ stepUp: true, duringEnrollment: true })
  @ApiOperation({ summary: 'Options for navigator.credentials.create(): register a passkey' })
  @ApiOkResponse(CEREMONY_OPTIONS)
  @ApiConflictResponse({ description: 'At most 20 passkeys per account', type: ErrorResponseDto })
  registrationOptions(@Principal() principal: AuthPrincipal) {
    return this.registration.options(sessionUserOf(principal));
  }

  @Post('mfa/passkeys')
  @Authenticated({ stepUp: true, duringEnrollment: true })
  @ApiOperation({ summary: 'Register a passkey from the browser’s answer to the options' })
  @ApiCreatedResponse({ type: PasskeyViewDto })
  @ApiConflictResponse({
    description: 'This passkey is registered already',
    type: ErrorResponseDto,
  })
  register(
    @Principal() principal: AuthPrincipal,
    @Body() body: PasskeyRegisterDto,
    @Client() client: ClientContext,
  ): Promise<PasskeyView> {
    return this.registration.register(
      sessionUserOf(principal),
      body.credential as unknown as RegistrationResponseJSON,
      body.name,
      actorOf(principal, client),
    );
  }

  @Get('mfa/passkeys')
  @Authenticated({ scopes: ['profile:read'], duringEnrollment: true })
  @ApiOperation({ summary: 'The caller’s passkeys' })
  @ApiOkResponse({ type: [PasskeyViewDto] })
  list(@Principal() principal: AuthPrincipal): Promise<PasskeyView[]> {
    return this.registration.list(userIdOf(principal));
  }

  @Patch('mfa/passkeys/:id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated()
  @ApiOperation({ summary: 'Rename a passkey' })
  @ApiOkResponse({ type: PasskeyViewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  rename(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PasskeyRenameDto,
  ): Promise<PasskeyView> {
    return this.registration.rename(sessionUserOf(principal), id, body.name);
  }

  @Delete('mfa/passkeys/:id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid' })
  @Authenticated({ stepUp: true })
  @ApiOperation({ summary: 'Remove a passkey' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'An admin’s last factor while REQUIRE_MFA_FOR_ADMINS is on',
    type: ErrorResponseDto,
  })
  async remove(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.registration.remove(sessionUserOf(principal), id, actorOf(principal, client));
  }

  @Post('passkey/options')
  @HttpCode(200)
  @ApiOperation({ summary: 'Options for a password-less sign-in with a passkey' })
  @ApiOkResponse(CEREMONY_OPTIONS)
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  signInOptions(@Client() client: ClientContext) {
    return this.login.signInOptions(client);
  }

  @Post('passkey/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a passkey alone; same answer as a login' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'The passkey was not accepted', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  signIn(@Body() body: PasskeyLoginDto, @Client() client: ClientContext): Promise<TokenPair> {
    return this.login.signInWithPasskey(body.passkey as unknown as PasskeyResponse, client);
  }
}
