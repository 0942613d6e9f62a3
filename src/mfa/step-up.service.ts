import { Injectable } from '@nestjs/common';
import { AuthThrottleService } from '../auth/auth-throttle.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { AuditService } from '../audit/audit.service.js';
import { actorOf } from '../audit/audit-actor.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ClientContext } from '../common/http/client-context.js';
import { SessionAuthTime } from '../sessions/session-auth-time.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { UsersService } from '../users/users.service.js';
import { FactorVerifier, type FactorProof } from './factor-verifier.js';
import { SecondFactorsRepository } from './second-factors.repository.js';

/**
 * RFC 9470 step-up: a session proves its user again and its `auth_time` moves to now. With a
 * second factor enrolled, only the factor counts: a phished password alone must not unlock the
 * sensitive actions the factor guards.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly factors: SecondFactorsRepository,
    private readonly verifier: FactorVerifier,
    private readonly authTimes: SessionAuthTime,
    private readonly throttle: AuthThrottleService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async stepUp(
    principal: AuthPrincipal,
    proof: FactorProof & { password?: string },
    client: ClientContext,
  ): Promise<{ authTime: string }> {
    const sessionId = principal.sessionId;
    if (!sessionId) {
      throw new DomainError(
        'BadRequest',
        'Step-up is for session credentials: API tokens are judged by their scopes alone',
      );
    }
    const userId = userIdOf(principal);
    const { password, ...factor } = proof;
    const kinds = [password, factor.code, factor.recoveryCode, factor.passkey].filter(
      (value) => value !== undefined,
    );
    if (kinds.length !== 1) {
      throw new DomainError(
        'BadRequest',
        'Send exactly one of password, code, recoveryCode and passkey',
      );
    }
    if (factor.code !== undefined || factor.recoveryCode !== undefined) {
      this.verifier.assertWellFormed(factor);
    }
    await this.throttle.attempt('password-change', { userId: userId });
    const enrolled = await this.factors.enrolled(userId);
    const actor = actorOf(principal, client);
    let ok: boolean;
    if (password !== undefined) {
      if (enrolled.totp || enrolled.passkeys > 0) {
        throw new DomainError(
          'BadRequest',
          'A second factor is enrolled: step up with a code, a recovery code or a passkey',
        );
      }
      const user = await this.users.get(userId);
      ok = await this.passwords.verify(user.passwordHash, password);
    } else {
      ok = await this.verifier.verify(userId, factor, actor, 'step-up');
    }
    if (!ok) throw new DomainError('BadRequest', 'The proof is not correct');
    const authTime = await this.authTimes.renew(sessionId);
    if (!authTime) throw new DomainError('InvalidToken', 'The session has ended');
    await this.uow.run((tx) =>
      this.audit.record(
        actor,
        {
          action: 'session.stepped_up',
          targetType: 'session',
          targetId: sessionId,
          ownerId: userId,
          details: { with: password !== undefined ? 'password' : Object.keys(factor)[0] },
        },
        tx.manager,
      ),
    );
    return { authTime: authTime.toISOString() };
  }
}
