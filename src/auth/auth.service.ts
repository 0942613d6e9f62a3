import { Injectable } from '@nestjs/common';
import { actorOf } from '../audit/audit-actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { DomainError, invalidToken } from '../common/errors/domain-error.js';
import type { ClientContext } from '../common/http/client-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { SessionsService, type TokenPair } from '../sessions/sessions.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService, toUserView, type UserView } from '../users/users.service.js';
import { AuthThrottleService } from './auth-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';

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
  ) {}

  async register(
    input: { email: string; password: string; name?: string },
    client: ClientContext,
  ): Promise<UserView> {
    await this.throttle.attempt('register', { ip: client.ip, email: input.email });
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
   * cannot tell which accounts exist.
   */
  async login(
    input: { email: string; password: string },
    client: ClientContext,
  ): Promise<TokenPair> {
    await this.throttle.attempt('login', { ip: client.ip, email: input.email });
    const user = await this.users.findByEmail(input.email);
    const ok = await this.passwords.verify(user?.passwordHash, input.password);
    const pair = user && ok ? await this.sessions.start(user, client) : null;
    if (!pair) throw new DomainError('InvalidCredentials', 'Invalid email or password');
    return pair;
  }

  /**
   * A refresh token for a new pair, by `/auth/refresh` or the OAuth `refresh_token` grant alike:
   * throttled per client address like every token grant.
   */
  async refresh(refreshToken: string, client: ClientContext): Promise<TokenPair> {
    await this.throttle.attempt('refresh', { ip: client.ip });
    return this.sessions.refresh(refreshToken, client);
  }

  async me(principal: AuthPrincipal): Promise<UserView> {
    return toUserView(await this.users.get(principal.userId));
  }

  /** Sets a new password and ends every other session of the user. */
  async changePassword(
    principal: AuthPrincipal,
    input: { currentPassword: string; newPassword: string },
    client: ClientContext,
  ): Promise<void> {
    await this.throttle.attempt('password-change', { userId: principal.userId });
    const user = await this.users.get(principal.userId);
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
