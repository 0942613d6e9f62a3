import { Inject, Injectable, Optional } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { AuthConfig, type RegistrationMode } from './auth-config.js';
import {
  NO_PENDING_INVITATIONS,
  PENDING_INVITATIONS,
  type PendingInvitations,
} from './pending-invitations.js';

/** Who may create their own account (REGISTRATION). */
@Injectable()
export class RegistrationPolicy {
  private readonly invitations: PendingInvitations;

  constructor(
    private readonly config: AuthConfig,
    @Optional() @Inject(PENDING_INVITATIONS) invitations?: PendingInvitations,
  ) {
    this.invitations = invitations ?? NO_PENDING_INVITATIONS;
  }

  get mode(): RegistrationMode {
    return this.config.registration;
  }

  /** @throws DomainError 403 when sign-up is closed to everyone. */
  assertOpen(): void {
    if (this.mode === 'closed') {
      throw new DomainError('Forbidden', 'Registration is closed; ask an administrator');
    }
  }

  /** @throws DomainError 403 when `email` may not sign up. */
  async assertMayRegister(email: string): Promise<void> {
    this.assertOpen();
    if (this.mode === 'invite' && !(await this.invitations.hasPendingInvitation(email))) {
      throw new DomainError('Forbidden', 'Registration is by invitation only');
    }
  }
}
