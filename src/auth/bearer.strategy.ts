import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { invalidToken } from '../common/errors/domain-error.js';
import { SessionsService } from '../sessions/sessions.service.js';

/** API tokens carry this prefix; everything else is taken for a session access token. */
export const API_TOKEN_PREFIX = 'tsr_';

/**
 * The one bearer strategy: resolves either kind of credential to a principal, or fails with
 * `invalid_token`.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(token: string): Promise<AuthPrincipal> {
    if (token.startsWith(API_TOKEN_PREFIX)) {
      // API tokens are not issued yet; until they are, no such token can be valid.
      throw invalidToken();
    }
    return this.sessions.authenticate(token);
  }
}
