import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { BackgroundTasks } from '../common/background/background-tasks.js';
import { AppConfig } from '../common/config/app-config.js';
import { randomSecret, sha256 } from '../common/crypto/crypto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { MailService } from '../mail/mail.service.js';
import { accountCreatedMail } from '../mail/templates/account-created.js';
import { passwordResetMail } from '../mail/templates/password-reset.js';
import type { ClientContext } from '../common/http/client-context.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { AuthThrottleService } from './auth-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';

const TOKEN_PREFIX = 'tsrp_';
/** The prefix and 32 random bytes in base64url. */
const TOKEN_FORMAT = /^tsrp_[A-Za-z0-9_-]{43}$/;

/** Password reset by a single-use link sent by mail (OWASP Forgot Password cheat sheet). */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: AuthThrottleService,
    private readonly audit: AuditService,
    private readonly tokens: PasswordResetTokensRepository,
    private readonly mail: MailService,
    private readonly tasks: BackgroundTasks,
    private readonly config: AppConfig,
  ) {}

  /**
   * Only throttles before answering. The lookup of the email, the token and the mail come
   * after the answer, so that neither the answer nor its timing tells whether the account exists.
   */
  async request(email: string, client: ClientContext): Promise<void> {
    await this.throttle.attempt('password-reset', { ip: client.ip, email });
    this.tasks.run('password-reset', () => this.issue(email));
  }

  /**
   * Sets the new password, burns the token and ends every session of the user, all in one
   * transaction. An unknown, used or expired token gets one and the same answer.
   */
  async confirm(token: string, newPassword: string, client: ClientContext): Promise<void> {
    await this.throttle.attempt('password-reset-confirm', { ip: client.ip });
    const tokenHash = sha256(token);
    const userId = TOKEN_FORMAT.test(token) ? await this.tokens.liveUserOf(tokenHash) : null;
    if (!userId) throw invalidLink();
    const passwordHash = await this.passwords.hash(newPassword);
    const actor: AuditActor = {
      userId,
      via: 'reset_link',
      ip: client.ip,
      userAgent: client.userAgent,
    };
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      // The user row first, as a new request takes it before the token rows (no deadlock).
      // Logins take it too: one with the old password either committed already, and its
      // session is revoked below, or it sees the new hash and fails.
      await this.userRows.setPasswordHash(userId, passwordHash, m);
      // The check above was a read: the token is burnt here, and only one use gets through.
      if ((await this.tokens.consume(tokenHash, m)) !== userId) throw invalidLink();
      await this.audit.record(
        actor,
        { action: 'user.password_reset', targetType: 'user', targetId: userId, ownerId: userId },
        m,
      );
      await this.sessions.revokeAll(userId, 'password_reset', { actor }, tx);
    });
  }

  /** After the answer: a link for an existing account, nothing at all for an unknown email. */
  private async issue(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const token = TOKEN_PREFIX + randomSecret(32);
    const minutes = this.config.passwordResetMinutes;
    const stored = await this.uow.run(async (tx) => {
      // Concurrent requests for one user take turns on the user row: the last to commit leaves
      // the one live link. No row: the user was deleted meanwhile.
      // A disabled account gets no link: it could not sign in with the new password anyway.
      const locked = await this.userRows.lockRow(user.id, tx.manager);
      if (!locked || locked.disabled) return false;
      await this.tokens.replace(user.id, sha256(token), minutes, tx.manager);
      return true;
    });
    if (!stored) return;
    this.mail.send(
      'password-reset',
      passwordResetMail({ to: user.email, name: user.name, link: this.linkFor(token), minutes }),
    );
  }

  /**
   * A set-password link for an account created in `tx` (by an admin, with no usable password):
   * stored in that transaction, mailed once it commits. The same single-use link as a reset.
   */
  async mailSetPasswordLink(
    user: { id: string; email: string; name: string | null },
    tx: Tx,
  ): Promise<void> {
    const token = TOKEN_PREFIX + randomSecret(32);
    const minutes = this.config.passwordResetMinutes;
    await this.tokens.replace(user.id, sha256(token), minutes, tx.manager);
    const message = accountCreatedMail({
      to: user.email,
      name: user.name,
      link: this.linkFor(token),
      minutes,
    });
    tx.afterCommit(() => this.mail.send('account-created', message));
  }

  /** In the fragment, which browsers send to no server: not in access logs, not in Referer. */
  private linkFor(token: string): string {
    return `${this.config.publicUrl}${this.config.passwordResetPath}#token=${token}`;
  }
}

const invalidLink = () =>
  new DomainError('BadRequest', 'This password-reset link is invalid or has expired');
