import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { PasswordResetService } from '../auth/password-reset.service.js';
import type { Role } from '../common/auth/scopes.js';
import { randomSecret } from '../common/crypto/crypto.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { UsersService } from '../users/users.service.js';
import { UserAdministrationService } from './user-administration.service.js';
import type { AdminUserDto } from './dto/admin-users.dto.js';

/**
 * Accounts made by an admin (the way in when REGISTRATION is `invite` or `closed`): created
 * with no usable password, and mailed a single-use link to choose one.
 */
@Injectable()
export class AdminUserCreationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly links: PasswordResetService,
    private readonly audit: AuditService,
    private readonly views: UserAdministrationService,
  ) {}

  /** @throws DomainError EmailTaken (409) when the email has an account already. */
  async create(
    actor: AuditActor,
    input: { email: string; name?: string; role?: Role },
  ): Promise<AdminUserDto> {
    // The hash of a secret nobody ever sees: no password signs in until the link sets one.
    const passwordHash = await this.passwords.hash(randomSecret(32));
    const user = await this.uow.run(async (tx) => {
      const user = await this.users.create(
        { email: input.email, name: input.name, passwordHash, role: input.role },
        tx.manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          ownerId: user.id,
          details: { role: user.role },
        },
        tx.manager,
      );
      await this.links.mailSetPasswordLink(user, tx);
      return user;
    });
    return this.views.get(user.id);
  }
}
