import { Injectable } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Tx } from '../database/unit-of-work.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { SecondFactorsRepository } from './second-factors.repository.js';

/**
 * What every change to a user's second factors does in its transaction: take the user's row
 * lock first (so that two removals of the last two factors see each other), keep an admin's
 * last factor while REQUIRE_MFA_FOR_ADMINS is on, and make the user's cached sessions learn
 * of the change (the enrolment rule reads it from there).
 */
@Injectable()
export class FactorChanges {
  constructor(
    private readonly users: UsersRepository,
    private readonly factors: SecondFactorsRepository,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  /** First thing in the transaction: the user row lock. */
  async begin(userId: string, tx: Tx): Promise<void> {
    await this.users.lockRow(userId, tx.manager);
  }

  /** Last thing in the transaction, after the change. */
  async end(userId: string, tx: Tx, change: 'added' | 'removed'): Promise<void> {
    if (change === 'removed' && this.config.requireMfaForAdmins) {
      const user = await this.users.lockRow(userId, tx.manager);
      const left = await this.factors.enrolled(userId, tx.manager);
      if (user?.role === 'admin' && !left.totp && left.passkeys === 0) {
        throw new DomainError(
          'FactorConflict',
          'Admins must keep a second factor (REQUIRE_MFA_FOR_ADMINS): add another before removing this one',
        );
      }
    }
    await this.sessions.forgetUser(userId, tx);
  }
}
