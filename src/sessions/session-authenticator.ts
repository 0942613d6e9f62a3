import { Injectable } from '@nestjs/common';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { Role } from '../common/auth/scopes.js';
import { AppConfig } from '../common/config/app-config.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { AccessTokenService, type AccessClaims } from './access-token.service.js';
import { SessionCache, type SessionState } from './session-cache.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * The per-request check of a session access token: its signature and claims, then its
 * session's state through the cache; and the scopes a session carries.
 */
@Injectable()
export class SessionAuthenticator {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly cache: SessionCache,
    private readonly registry: ScopeRegistry,
    private readonly config: AppConfig,
  ) {}

  /**
   * The principal of a live session access token.
   * @throws CredentialRefused saying why it is not one.
   */
  async authenticate(accessToken: string): Promise<AuthPrincipal> {
    const live = await this.check(accessToken);
    if (typeof live === 'string') throw CredentialRefused.because(live);
    const { claims, state } = live;
    return {
      userId: claims.sub,
      role: state.role,
      scopes: this.scopesCarried(state.role, state.scopes),
      sessionId: claims.sid,
      expiresAt: Math.min(claims.exp * 1000, state.endsAt),
      account: state.account,
      authTime: state.authTime,
      mfaEnrollmentRequired: this.enrollmentRequired(state),
    };
  }

  /** REQUIRE_MFA_FOR_ADMINS: an admin's session without a second factor may only enroll one. */
  enrollmentRequired(state: Pick<SessionState, 'role' | 'secondFactor'>): boolean {
    return this.config.requireMfaForAdmins && state.role === 'admin' && !state.secondFactor;
  }

  /** The scopes a session's access tokens carry now (RFC 7662 `scope` of introspection). */
  scopesOf(state: SessionState): readonly string[] {
    return this.scopesCarried(state.role, state.scopes);
  }

  /**
   * Every scope the role may hold, the policy file's included, or of those only the ones the
   * session was narrowed to: a role change or a scope dropped from the file applies at once.
   */
  scopesCarried(role: Role, narrowed: readonly string[] | null): readonly string[] {
    const granted = this.registry.scopesOf(role);
    return narrowed ? granted.filter((scope) => narrowed.includes(scope)) : granted;
  }

  /**
   * Whether `token` is one of this service's session access tokens (correctly signed, expired
   * or not): anything else that is not a `tsr_` token may be an imported API token.
   */
  recognizes(token: string): boolean {
    return this.accessTokens.check(token) !== 'NOT_FOUND';
  }

  /** A session access token's claims and its session's state, when both are live; else null. */
  async inspect(
    accessToken: string,
  ): Promise<{ claims: AccessClaims; state: SessionState } | null> {
    const live = await this.check(accessToken);
    return typeof live === 'string' ? null : live;
  }

  private async check(
    accessToken: string,
  ): Promise<
    | { claims: AccessClaims; state: SessionState }
    | 'NOT_FOUND'
    | 'EXPIRED'
    | 'REVOKED'
    | 'USER_DISABLED'
  > {
    const claims = this.accessTokens.check(accessToken);
    if (typeof claims === 'string') return claims;
    const state = await this.cache.get(claims.sid, (id) => this.sessions.loadState(id));
    if (!state || state.userId !== claims.sub) return 'NOT_FOUND';
    if (state.revoked) return 'REVOKED';
    if (state.endsAt <= Date.now()) return 'EXPIRED';
    if (state.disabled) return 'USER_DISABLED';
    return { claims, state };
  }
}
