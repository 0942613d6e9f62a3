import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { insufficientScope } from '../common/errors/domain-error.js';
import { SessionAuthenticator } from '../sessions/session-authenticator.js';
import { API_TOKEN_PREFIX } from '../tokens/token-format.js';
import { TokenVerifierService } from '../tokens/token-verifier.service.js';
import { IntrospectDto, IntrospectionDto } from './introspection.dto.js';

const INACTIVE: IntrospectionDto = { active: false };

/**
 * RFC 7662 token introspection, for services that receive Tessera credentials. Looking a token
 * up neither charges its rate limit nor counts as its use.
 */
@ApiTags('introspection')
@Controller('introspect')
export class IntrospectionController {
  constructor(
    private readonly tokens: TokenVerifierService,
    private readonly sessions: SessionAuthenticator,
  ) {}

  @Post()
  @HttpCode(200)
  // The introspecting service's own token is not charged per-token limits.
  @Authenticated({ chargeExemptFor: ['tokens:introspect', 'admin'] })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: 'Is this token active, and what may it do? (RFC 7662)',
    description:
      'Needs the `tokens:introspect` or `admin` scope. Unknown, malformed, expired and revoked tokens are all `{"active": false}`.',
  })
  @ApiOkResponse({ type: IntrospectionDto })
  @ApiForbiddenResponse({
    description: 'The credential holds neither tokens:introspect nor admin',
    type: ErrorResponseDto,
  })
  async introspect(
    @Principal() principal: AuthPrincipal,
    @Body() body: IntrospectDto,
  ): Promise<IntrospectionDto> {
    if (!principal.scopes.includes('tokens:introspect') && !principal.scopes.includes('admin')) {
      throw insufficientScope('tokens:introspect');
    }
    // As the bearer strategy tells them apart: imported tokens are API tokens too.
    return body.token.startsWith(API_TOKEN_PREFIX) || !this.sessions.recognizes(body.token)
      ? this.apiToken(body.token, body.client_ip)
      : this.sessionToken(body.token);
  }

  private async apiToken(token: string, clientIp?: string): Promise<IntrospectionDto> {
    const state = await this.tokens.inspect(token);
    if (!state) return INACTIVE;
    const endsAt = state.restrictions.endsAt;
    return {
      active: true,
      scope: state.scopes.join(' '),
      sub: state.userId,
      ...(endsAt !== null ? { exp: Math.floor(endsAt / 1000) } : {}),
      token_type: 'Bearer',
      credential: 'api_token',
      jti: state.id,
      role: state.role,
      ...(clientIp !== undefined ? { client_ip_allowed: state.allowlist.allows(clientIp) } : {}),
    };
  }

  private async sessionToken(token: string): Promise<IntrospectionDto> {
    const live = await this.sessions.inspect(token);
    // A session that must enroll a second factor first is good for no resource server.
    if (!live || this.sessions.enrollmentRequired(live.state)) return INACTIVE;
    const { claims, state } = live;
    return {
      active: true,
      scope: this.sessions.scopesOf(state).join(' '),
      sub: claims.sub,
      exp: Math.min(claims.exp, Math.floor(state.endsAt / 1000)),
      iat: claims.iat,
      token_type: 'Bearer',
      credential: 'session',
      jti: claims.sid,
      role: state.role,
    };
  }
}
