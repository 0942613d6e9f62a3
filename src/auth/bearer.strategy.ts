import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import { Strategy, type VerifyFunction } from 'passport-http-bearer';
import { BEARER_STRATEGY } from '../common/auth/bearer-auth.guard.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { invalidToken } from '../common/errors/domain-error.js';
import { SessionsService } from '../sessions/sessions.service.js';

/** API tokens carry this prefix; everything else is taken for a session access token. */
export const API_TOKEN_PREFIX = 'tsr_';

/**
 * passport-http-bearer also takes `access_token` from the query string and the body (RFC 6750
 * §2.2, §2.3). Credentials in URLs end up in proxy logs, histories and Referer headers, so here
 * only the Authorization header counts.
 */
class HeaderOnlyBearerStrategy extends Strategy<VerifyFunction> {
  override authenticate(request: { headers: IncomingHttpHeaders }, options?: object): void {
    type Request = Parameters<Strategy<VerifyFunction>['authenticate']>[0];
    super.authenticate({ headers: request.headers } as Request, options);
  }
}

/**
 * The one bearer strategy: resolves either kind of credential to a principal, or fails with
 * `invalid_token`.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(HeaderOnlyBearerStrategy, BEARER_STRATEGY) {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(token: unknown): Promise<AuthPrincipal> {
    if (typeof token !== 'string') throw invalidToken();
    if (token.startsWith(API_TOKEN_PREFIX)) {
      // API tokens are not issued yet; until they are, no such token can be valid.
      throw invalidToken();
    }
    return this.sessions.authenticate(token);
  }
}
