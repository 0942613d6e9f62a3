import { Injectable } from '@nestjs/common';
import { mfaEnrollmentRequired } from '../common/auth/bearer-auth.guard.js';
import { BearerCredentials, type BearerRequestLike } from '../common/auth/bearer-credentials.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { OrgMembershipsService } from '../orgs/org-memberships.service.js';
import { RouteMatcher } from '../policy/route-matcher.js';
import type { ForwardedRequest } from './forwarded-request.js';

export type { ForwardedRequest } from './forwarded-request.js';

export type ForwardAuthDecision =
  /**
   * Let it through; `principal` is null for a public route reached without a valid credential.
   * `org`: on an organization's route, the organization and the credential's role in it.
   */
  | { allowed: true; principal: AuthPrincipal | null; org?: { id: string; role: string } }
  | { allowed: false; principal: AuthPrincipal; missingScope: string }
  | { allowed: false; principal: AuthPrincipal; notInOrg: true };

/** An HTTP method token, as RFC 9110 allows it (the rules name only the usual ones). */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;

/**
 * Forward auth: the policy's route rules decide what the original request needs, and the
 * bearer strategy decides about its credential, exactly as for Tessera's own routes.
 */
@Injectable()
export class ForwardAuthService {
  constructor(
    private readonly routes: RouteMatcher,
    private readonly credentials: BearerCredentials,
    private readonly memberships: OrgMembershipsService,
  ) {}

  /**
   * @param request the proxy's request to Tessera: its Authorization header and client address.
   * @throws DomainError 400 for a request that cannot be judged, 403 for a path no rule of a
   *   policy with rules matches (before any credential is looked at), 401 or 429 as the guard
   *   does.
   */
  async decide(
    original: ForwardedRequest,
    request: BearerRequestLike,
  ): Promise<ForwardAuthDecision> {
    if (!METHOD.test(original.method)) {
      throw new DomainError('BadRequest', 'X-Forwarded-Method must be an HTTP method');
    }
    const match = this.routes.match(original.method, original.uri);
    if (match.kind === 'refused') {
      throw new DomainError('BadRequest', `The forwarded URI is refused: ${match.reason}`);
    }
    if (match.kind === 'unmatched') {
      throw new DomainError('Forbidden', 'No route of the policy covers this request');
    }
    if (match.kind === 'rule' && match.rule.public) {
      return { allowed: true, principal: await this.optionalPrincipal(request) };
    }
    const principal = await this.credentials.authenticate(request);
    // An admin's session that must enroll a second factor first passes nothing else, an
    // upstream API included (403 as on Tessera's own routes).
    if (principal.mfaEnrollmentRequired) throw mfaEnrollmentRequired();
    const held = principal.scopes;
    const missingScope =
      match.kind === 'rule' ? match.rule.scopes.find((scope) => !held.includes(scope)) : undefined;
    if (missingScope !== undefined) return { allowed: false, principal, missingScope };
    if (match.kind === 'rule' && match.org !== undefined && match.rule.orgRole) {
      // Tenant isolation at the proxy: one organization's credential never passes another's.
      const standing = await this.memberships.standing(principal, match.org, match.rule.orgRole);
      if (!standing.allowed) return { allowed: false, principal, notInOrg: true };
      return { allowed: true, principal, org: { id: standing.orgId, role: standing.role } };
    }
    return { allowed: true, principal };
  }

  /**
   * On a public route a credential is optional: a valid one is a use and names the caller,
   * anything else leaves the request anonymous.
   */
  private async optionalPrincipal(request: BearerRequestLike): Promise<AuthPrincipal | null> {
    if (request.headers.authorization === undefined) return null;
    const outcome = await this.credentials.run(request);
    if (outcome.kind !== 'success' || outcome.principal.mfaEnrollmentRequired) return null;
    return outcome.principal;
  }
}
