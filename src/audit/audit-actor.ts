import type { AuthPrincipal } from '../common/auth/principal.js';
import type { ClientContext } from '../common/http/client-context.js';
import type { AuditActor } from './audit.service.js';

/** The audit actor of an authenticated request. */
export function actorOf(principal: AuthPrincipal, client: ClientContext): AuditActor {
  return {
    userId: principal.userId ?? null,
    via: principal.tokenId ? 'api_token' : 'session',
    credentialId: principal.tokenId ?? principal.sessionId ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
  };
}
