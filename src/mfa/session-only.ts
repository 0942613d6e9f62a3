import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';

/** Second factors are a person's: managed with a session credential, never an API token. */
export function sessionUserOf(principal: AuthPrincipal): string {
  if (!principal.sessionId) {
    throw new DomainError(
      'BadRequest',
      'Second factors are managed with a session access token, not an API token',
    );
  }
  return userIdOf(principal);
}
