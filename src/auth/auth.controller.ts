import { Body, Controller, Get, HttpCode, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { actorOf } from '../audit/audit-actor.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { DomainError, oauthError } from '../common/errors/domain-error.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import {
  SessionsService,
  type ScopedTokenPair,
  type TokenPair,
} from '../sessions/sessions.service.js';
import { AuthService } from './auth.service.js';
import { OAuthErrorFilter } from './oauth-error.filter.js';
import { RegistrationPolicy } from './registration-policy.js';
import { RegistrationModeDto } from './dto/registration.dto.js';
import type { MfaRequired } from './second-factor-gate.js';
import { MfaRequiredDto } from './dto/mfa-required.dto.js';
import {
  ChangePasswordDto,
  CREDENTIAL_SHAPE,
  CredentialDto,
  LoginDto,
  OAuthTokenDto,
  PasswordGrantDto,
  RefreshTokenGrantDto,
  RefreshDto,
  RegisterDto,
  TokenGrantDto,
  TokenPairDto,
  USER_SHAPE,
  UserDto,
} from './dto/auth.dto.js';
import { SerializedAs } from '../common/http/serialized.js';
import { RevokedCountDto } from '../common/http/revoked-count.dto.js';

/** 1 to 200 printable ASCII characters, surrounding spaces trimmed. */
const DEVICE_HEADER = {
  type: 'string',
  pattern: '^[\\x21-\\x7e]([\\x20-\\x7e]{0,198}[\\x21-\\x7e])?$',
};

@ApiTags('auth')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiPayloadTooLargeResponse({ description: 'Body over 64 KiB', type: ErrorResponseDto })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly registrationPolicy: RegistrationPolicy,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Email taken', type: ErrorResponseDto })
  @ApiForbiddenResponse({
    description:
      'Registration is closed (`REGISTRATION=closed`), or by invitation only and this email has none',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  register(@Body() body: RegisterDto, @Client() client: ClientContext) {
    return this.auth.register(body, client);
  }

  @Get('registration')
  @ApiOperation({
    summary: 'Who may sign up here',
    description: 'Public: a front end shows or hides its sign-up page by it.',
  })
  @ApiOkResponse({ type: RegistrationModeDto })
  registration(): RegistrationModeDto {
    return { mode: this.registrationPolicy.mode };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: opens a session and returns its access and refresh tokens' })
  @ApiHeader({
    name: 'X-Device-Id',
    required: false,
    description: 'A new login from the same device replaces its session',
    schema: DEVICE_HEADER,
  })
  @ApiHeader({ name: 'X-Device-Name', required: false, schema: DEVICE_HEADER })
  @ApiExtraModels(MfaRequiredDto)
  @ApiOkResponse({
    description:
      'The tokens; or, for a user with a second factor, `{mfaRequired: true, mfaToken, methods}` to complete at POST /auth/mfa/verify',
    schema: {
      oneOf: [{ $ref: getSchemaPath(TokenPairDto) }, { $ref: getSchemaPath(MfaRequiredDto) }],
    },
  })
  @ApiUnauthorizedResponse({
    description: 'Unknown email or wrong password',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  login(@Body() body: LoginDto, @Client() client: ClientContext): Promise<TokenPair | MfaRequired> {
    return this.auth.login(body, client);
  }

  @Post('token')
  @HttpCode(200)
  @UseFilters(OAuthErrorFilter)
  @ApiOperation({ summary: 'OAuth2 token endpoint (password and refresh_token grants)' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiExtraModels(PasswordGrantDto, RefreshTokenGrantDto)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(PasswordGrantDto) },
        { $ref: getSchemaPath(RefreshTokenGrantDto) },
      ],
      discriminator: { propertyName: 'grant_type' },
    },
  })
  @ApiOkResponse({ type: OAuthTokenDto })
  @ApiBadRequestResponse({
    description:
      'RFC 6749 error: `error` is invalid_request, unsupported_grant_type, invalid_grant or invalid_scope',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async token(
    @Body() body: TokenGrantDto,
    @Client() client: ClientContext,
  ): Promise<OAuthTokenDto> {
    const requested = scopeParameter(body.scope);
    let granted: ScopedTokenPair;
    if (body.grant_type === 'password') {
      if (!body.username || !body.password) {
        throw oauthError('invalid_request', 'username and password are required');
      }
      granted = await this.auth.signIn(
        { email: body.username, password: body.password },
        client,
        requested,
      );
    } else {
      if (!body.refresh_token) throw oauthError('invalid_request', 'refresh_token is required');
      granted = await this.auth.refreshScoped(body.refresh_token, client, requested);
    }
    const { pair, scopes } = granted;
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      token_type: 'Bearer',
      expires_in: pair.expiresIn,
      scope: scopes.join(' '),
    };
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description:
      'The replaced token presented again within REFRESH_GRACE_SECONDS gets the same pair; later, it revokes the session.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired, revoked or reused token',
    type: ErrorResponseDto,
  })
  refresh(@Body() body: RefreshDto, @Client() client: ClientContext): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken, client);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ duringEnrollment: true })
  @ApiOperation({ summary: 'Revoke the calling session' })
  @ApiNoContentResponse()
  async logout(
    @Principal() principal: AuthPrincipal,
    @Client() client: ClientContext,
  ): Promise<void> {
    const actor = actorOf(principal, client);
    await this.sessions.revoke(userIdOf(principal), sessionOf(principal), 'logout', actor);
  }

  @Post('logout-all')
  @HttpCode(200)
  @Authenticated({ scopes: ['sessions:write'] })
  @ApiOperation({ summary: 'Revoke every session of the caller' })
  @ApiOkResponse({ type: RevokedCountDto })
  async logoutAll(
    @Principal() principal: AuthPrincipal,
    @Client() client: ClientContext,
  ): Promise<RevokedCountDto> {
    const revoked = await this.sessions.revokeAll(userIdOf(principal), 'logout_all', {
      actor: actorOf(principal, client),
    });
    return { revoked: revoked.length };
  }

  @Get('me')
  @Authenticated({ scopes: ['profile:read'], duringEnrollment: true })
  @SerializedAs(USER_SHAPE)
  @ApiOperation({ summary: 'The calling user' })
  @ApiOkResponse({ type: UserDto })
  me(@Principal() principal: AuthPrincipal) {
    return this.auth.me(principal);
  }

  @Get('whoami')
  @Authenticated({ duringEnrollment: true })
  @SerializedAs(CREDENTIAL_SHAPE)
  @ApiOperation({
    summary: 'The credential making this request, as the service resolves it',
    description:
      'Either kind of bearer credential; answered without a database query. Handy to check a token and see its scopes.',
  })
  @ApiOkResponse({ type: CredentialDto })
  whoami(@Principal() principal: AuthPrincipal): CredentialDto {
    const { userId, orgId, role, sessionId, tokenId } = principal;
    // Serialized at once: no copy needed.
    const scopes = principal.scopes as string[];
    // Plain objects of a fixed shape: this route is the hot path of many health checks.
    return tokenId
      ? orgId !== undefined
        ? { kind: 'api_token', orgId, role, scopes, tokenId }
        : { kind: 'api_token', userId, role, scopes, tokenId }
      : { kind: 'session', userId, role, scopes, sessionId };
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated({ stepUp: true })
  @ApiOperation({ summary: 'Change the password; every other session is revoked' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async changePassword(
    @Principal() principal: AuthPrincipal,
    @Body() body: ChangePasswordDto,
    @Client() client: ClientContext,
  ) {
    sessionOf(principal);
    await this.auth.changePassword(principal, body, client);
  }
}

/** Routes that act on "this session" take only session access tokens. */
function sessionOf(principal: AuthPrincipal): string {
  if (!principal.sessionId) {
    throw new DomainError(
      'BadRequest',
      'This route needs a session access token, not an API token',
    );
  }
  return principal.sessionId;
}

/**
 * RFC 6749 §3.3: space-separated scope names, order and repeats irrelevant. Absent or empty:
 * undefined, every scope of the role.
 */
function scopeParameter(scope: string | undefined): string[] | undefined {
  const names = [...new Set((scope ?? '').split(' ').filter((name) => name !== ''))];
  return names.length > 0 ? names : undefined;
}
