import { Injectable, Optional } from '@nestjs/common';
import { actorOf } from '../audit/audit-actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { DomainError, invalidToken, oauthError } from '../common/errors/domain-error.js';
import type { ClientContext } from '../common/http/client-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import {
  SessionsService,
  type ScopedTokenPair,
  type TokenPair,
} from '../sessions/sessions.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService, toUserView, type UserView } from '../users/users.service.js';
import { AuthThrottleService } from './auth-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { RegistrationPolicy } from './registration-policy.js';
import { SecondFactorGate, type MfaRequired } from './second-factor-gate.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: AuthThrottleService,
    private readonly audit: AuditService,
    private readonly resetTokens: PasswordResetTokensRepository,
    private readonly registry: ScopeRegistry,
    private readonly registration: RegistrationPolicy,
    // Absent where the second-factor module is not loaded (a few narrow test apps).
    @Optional() private readonly secondFactor?: SecondFactorGate,
  ) {}

  async register(
    input: { email: string; password: string; name?: string },
    client: ClientContext,
  ): Promise<UserView> {
    // Closed: refused before it costs a throttle slot; by invitation: a lookup, so throttled.
    this.registration.assertOpen();
    await this.throttle.attempt('register', { ip: client.ip, email: input.email });
    await this.registration.assertMayRegister(input.email);
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.uow.run(async (tx) => {
      const user = await this.users.create(
        { email: input.email, name: input.name, passwordHash },
        tx.manager,
      );
      await this.audit.record(
        { userId: user.id, via: 'password', ip: client.ip, userAgent: client.userAgent },
        { action: 'user.registered', targetType: 'user', targetId: user.id, ownerId: user.id },
        tx.manager,
      );
      return user;
    });
    return toUserView(user);
  }

  /**
   * One answer, and the same work, for an unknown email and a wrong password: the caller
   * cannot tell which accounts exist. A user with a second factor gets no tokens yet: the
   * challenge to complete at `/auth/mfa/verify` instead.
   */
  async login(
    input: { email: string; password: string },
    client: ClientContext,
  ): Promise<TokenPair | MfaRequired> {
    const outcome = await this.signInOrChallenge(input, client, undefined, 'challenge');
    return 'mfaRequired' in outcome ? outcome : outcome.pair;
  }

  /**
   * {@link login}, for the OAuth password grant: `requested` (its `scope`) narrows the session's
   * access tokens to scopes the user's role may hold.
   * @throws the OAuth `invalid_scope` error, with no session opened, for an unknown scope or one
   *   the role may not hold (the latter only once the password is right: it tells of the role)
   */
  async signIn(
    input: { email: string; password: string },
    client: ClientContext,
    requested?: readonly string[],
  ): Promise<ScopedTokenPair> {
    return (await this.signInOrChallenge(input, client, requested, 'refuse')) as ScopedTokenPair;
  }

  /**
   * A user with a second factor gets its challenge, or (the OAuth password grant, which has no
   * second step) the `invalid_grant` error.
   */
  private async signInOrChallenge(
    input: { email: string; password: string },
    client: ClientContext,
    requested: readonly string[] | undefined,
    secondFactor: 'challenge' | 'refuse',
  ): Promise<ScopedTokenPair | MfaRequired> {
    await this.throttle.signIn({ ip: client.ip, email: input.email });
    if (requested) this.assertKnownScopes(requested);
    const user = await this.users.findByEmail(input.email);
    const ok = await this.passwords.verify(user?.passwordHash, input.password);
    // A disabled account learns nothing of its role either: the same 401 follows below.
    if (user && ok && requested && !user.disabledAt) {
      const refused = requested.find((scope) => !this.registry.mayHold(user.role, scope));
      if (refused !== undefined) {
        throw oauthError('invalid_scope', `The scope "${refused}" is not granted to this user`);
      }
    }
    if (user && ok && !user.disabledAt && this.secondFactor) {
      if (secondFactor === 'refuse') {
        if (await this.secondFactor.required(user.id)) {
          throw oauthError('invalid_grant', 'second factor required');
        }
      } else {
        const challenge = await this.secondFactor.challenge(user, client);
        if (challenge) return challenge;
      }
    }
    const pair = user && ok ? await this.sessions.start(user, client, requested ?? null) : null;
    if (!pair) throw new DomainError('InvalidCredentials', 'Invalid email or password');
    this.secondFactor?.signedIn(user!.id, pair.sessionId, client);
    return { pair, scopes: requested ?? this.registry.scopesOf(user!.role) };
  }

  /**
   * A refresh token for a new pair, by `/auth/refresh` or the OAuth `refresh_token` grant alike:
   * throttled per client address like every token grant.
   */
  async refresh(refreshToken: string, client: ClientContext): Promise<TokenPair> {
    await this.throttle.attempt('refresh', { ip: client.ip });
    return this.sessions.refresh(refreshToken, client);
  }

  /** {@link refresh}, for the OAuth `refresh_token` grant: `requested` may only narrow. */
  async refreshScoped(
    refreshToken: string,
    client: ClientContext,
    requested?: readonly string[],
  ): Promise<ScopedTokenPair> {
    await this.throttle.attempt('refresh', { ip: client.ip });
    if (requested) this.assertKnownScopes(requested);
    return this.sessions.refreshScoped(refreshToken, client, requested);
  }

  private assertKnownScopes(requested: readonly string[]): void {
    const unknown = this.registry.unknown(requested);
    if (unknown.length > 0) {
      throw oauthError('invalid_scope', `Unknown scope "${unknown[0]}"`);
    }
  }

  /**
   * From the credential's cached state when it carries the profile (the same invalidations that
   * end a credential or change its role drop it), else from the table.
   */
  async me(principal: AuthPrincipal): Promise<UserView> {
    const { account } = principal;
    if (!account) return toUserView(await this.users.get(userIdOf(principal)));
    return {
      id: userIdOf(principal),
      email: account.email,
      name: account.name,
      role: principal.role === 'service' ? 'user' : principal.role,
      createdAt: new Date(account.createdAt).toISOString(),
    };
  }

  /** Sets a new password and ends every other session of the user. */
  async changePassword(
    principal: AuthPrincipal,
    input: { currentPassword: string; newPassword: string },
    client: ClientContext,
  ): Promise<void> {
    await this.throttle.attempt('password-change', { userId: userIdOf(principal) });
    const user = await this.users.get(userIdOf(principal));
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw new DomainError('BadRequest', 'The current password is not correct');
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    const actor = actorOf(principal, client);
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      // Both under the user row lock the update takes: the password verified above is still
      // the current one, and the calling session was not revoked meanwhile.
      if (!(await this.userRows.replacePasswordHash(user.id, user.passwordHash, passwordHash, m))) {
        throw new DomainError('BadRequest', 'The current password is not correct');
      }
      if (principal.sessionId && !(await this.sessions.isLive(principal.sessionId, tx))) {
        throw invalidToken();
      }
      // A reset link mailed before the change must not undo it.
      await this.resetTokens.dropFor(user.id, m);
      await this.audit.record(
        actor,
        {
          action: 'user.password_changed',
          targetType: 'user',
          targetId: user.id,
          ownerId: user.id,
        },
        m,
      );
      await this.sessions.revokeAll(
        user.id,
        'password_changed',
        { actor, except: principal.sessionId },
        tx,
      );
    });
  }
}
