import { DomainError } from '../common/errors/domain-error.js';
import { All, Controller, HttpCode, Req, Res } from '@nestjs/common';
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
import { insufficientScope } from '../common/errors/domain-error.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { setRateLimitHeaders } from '../common/rate-limit/rate-limiter.js';
import { ForwardAuthService } from './forward-auth.service.js';
import { readForwardedRequest } from './forwarded-request.js';

export const FORWARD_AUTH_ROUTE = 'forward-auth';

/** What forward auth reads as a method: an RFC 9110 token, any case. */
export const FORWARDED_METHOD_PATTERN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$";

/** A path character forward auth reads as itself: unreserved or sub-delimiter, "%"-escapes of
 * printable ASCII except "/", "\\", ";", "." and DEL. */
const URI_CHAR =
  "(?:[A-Za-z0-9_~!$&'()*+=:@-]|%(?:2[0-9A-Da-d]|3[0-9AaC-Fc-f]|[46][0-9A-Fa-f]|5[0-9ABabD-Fd-f]|7[0-9A-Ea-e]))";

/**
 * Request targets forward auth always reads (a subset of what it accepts, which a pattern cannot
 * state exactly): "/"-separated segments of {@link URI_CHAR} and dots, none starting with a dot
 * (so no "." or ".." segment), then any query. No lookahead, so generators can follow it.
 */
export const FORWARDED_URI_PATTERN = `^(?:/(?:${URI_CHAR}(?:${URI_CHAR}|\\.)*)?)+(?:\\?[^#\\s]*)?$`;

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
      'Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file\'s route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.',
  })
  @ApiHeader({
    name: 'X-Forwarded-Method',
    description: 'The method of the original request (any case). Or X-Original-Method.',
    required: true,
    example: 'GET',
    schema: { type: 'string', pattern: FORWARDED_METHOD_PATTERN },
  })
  @ApiHeader({
    name: 'X-Forwarded-Uri',
    description:
      'The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes.',
    required: true,
    example: '/projects/1?expand=owner',
    schema: { type: 'string', pattern: FORWARDED_URI_PATTERN, maxLength: 2000 },
  })
  @ApiOkResponse({
    description:
      'Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along)',
  })
  @ApiBadRequestResponse({
    description:
      'No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read',
    type: ErrorResponseDto,
  })
  @ApiUnauthorizedResponse({ description: 'No or bad credential', type: ErrorResponseDto })
  @ApiForbiddenResponse({
    description:
      'A scope the route needs is missing, or no route of a policy that declares routes covers the path',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({ description: "Over the API token's limit", type: ErrorResponseDto })
  async check(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const original = readForwardedRequest(request.raw.rawHeaders);
    const decision = await this.forwardAuth.decide(original, request);
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
