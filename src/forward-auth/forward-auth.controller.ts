import { All, Controller, Headers, HttpCode, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { DomainError, insufficientScope } from '../common/errors/domain-error.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { setRateLimitHeaders } from '../common/rate-limit/rate-limiter.js';
import { ForwardAuthService } from './forward-auth.service.js';

export const FORWARD_AUTH_ROUTE = 'forward-auth';

/**
 * Forward auth for reverse proxies (nginx `auth_request`, Traefik `forwardAuth`, Caddy
 * `forward_auth`, Envoy `ext_authz`): any method, bodies never read.
 */
@ApiTags('forward auth')
@Controller(FORWARD_AUTH_ROUTE)
export class ForwardAuthController {
  constructor(private readonly forwardAuth: ForwardAuthService) {}

  @All()
  @HttpCode(200)
  @ApiSecurity('bearer')
  @ApiOperation({
    summary: 'May the request a proxy describes go ahead?',
    description:
      "The original request comes from `X-Forwarded-Method` (or `X-Original-Method`) and `X-Forwarded-Uri` (or `X-Original-URI`), its credential from `Authorization`. The policy file's route rules decide. Any method is answered the same way; a body is ignored. An allowed request is a use of its API token.",
  })
  @ApiHeader({
    name: 'X-Forwarded-Method',
    required: true,
    example: 'GET',
    schema: { type: 'string', pattern: '^[A-Z]{1,16}$' },
  })
  @ApiHeader({
    name: 'X-Forwarded-Uri',
    description: 'The path and query of the original request',
    required: true,
    example: '/projects/1',
    schema: { type: 'string', pattern: '^(/[A-Za-z0-9_-]+)+$', maxLength: 2000 },
  })
  @ApiOkResponse({
    description:
      'Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along)',
  })
  @ApiBadRequestResponse({
    description: 'No or unreadable original request',
    type: ErrorResponseDto,
  })
  @ApiUnauthorizedResponse({ description: 'No or bad credential', type: ErrorResponseDto })
  @ApiForbiddenResponse({
    description: 'A scope the route needs is missing',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ description: "Over the API token's limit", type: ErrorResponseDto })
  async check(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-forwarded-method') forwardedMethod?: string | string[],
    @Headers('x-original-method') originalMethod?: string | string[],
    @Headers('x-forwarded-uri') forwardedUri?: string | string[],
    @Headers('x-original-uri') originalUri?: string | string[],
  ): Promise<void> {
    const method = single(forwardedMethod ?? originalMethod, 'X-Forwarded-Method');
    const uri = single(forwardedUri ?? originalUri, 'X-Forwarded-Uri');
    const decision = await this.forwardAuth.decide({ method, uri }, request);
    if (decision.principal?.rateLimit) setRateLimitHeaders(reply, decision.principal.rateLimit);
    if (!decision.allowed) {
      if ('notInOrg' in decision) {
        throw new DomainError(
          'Forbidden',
          'This route belongs to an organization this credential is not part of, or needs a higher role in it',
        );
      }
      throw insufficientScope(decision.missingScope);
    }
    if (decision.principal) setIdentityHeaders(reply, decision.principal);
    if (decision.org) {
      void reply.header('X-Tessera-Org-Id', decision.org.id);
      void reply.header('X-Tessera-Org-Role', decision.org.role);
    }
  }
}

function single(value: string | string[] | undefined, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new DomainError(
    'BadRequest',
    value === undefined || value === ''
      ? `${name} (or its X-Original-* equivalent) is required`
      : `${name} must be sent once`,
  );
}

/** Who is calling, for the upstream API. */
function setIdentityHeaders(reply: FastifyReply, principal: AuthPrincipal): void {
  // An organization's token names its organization instead of a user.
  if (principal.orgId !== undefined) void reply.header('X-Tessera-Org-Id', principal.orgId);
  else void reply.header('X-Tessera-User-Id', principal.userId);
  void reply
    .header('X-Tessera-Role', principal.role)
    .header('X-Tessera-Credential', principal.tokenId ? 'api_token' : 'session')
    .header('X-Tessera-Scopes', principal.scopes.join(' '));
  if (principal.tokenId) void reply.header('X-Tessera-Token-Id', principal.tokenId);
  if (principal.sessionId) void reply.header('X-Tessera-Session-Id', principal.sessionId);
}
