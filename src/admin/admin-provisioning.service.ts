import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/dto/auth.dto.js';
import { hashPassword } from '../auth/password-hasher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { isAccountEmail } from '../common/validation/email.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { normalizeEmail } from '../users/email.js';
import { UsersRepository } from '../users/users.repository.js';
import { UserAdministrationService } from './user-administration.service.js';

export type AdminOutcome = 'created' | 'exists' | 'promoted' | 'not_admin';

/** Creating admins: the bootstrap one from the environment, others from the CLI. */
@Injectable()
export class AdminProvisioningService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly standing: UserAdministrationService,
  ) {}

  /**
   * Creates an admin with this email unless an account has it already; an existing account is
   * never changed (`exists`, or `not_admin` when it is an ordinary user), unless `promote` asks
   * to make it an admin (its password stays).
   */
  async create(
    input: { email: string; password: string; name?: string; promote?: boolean },
    source: 'ADMIN_EMAIL' | 'cli',
  ): Promise<{ outcome: AdminOutcome; userId: string }> {
    const email = normalizeEmail(input.email);
    if (!isAccountEmail(email)) throw new DomainError('BadRequest', 'Not an email address');
    const existing = await this.find(email);
    if (existing) return this.existing(existing, input.promote ?? false, source);
    if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
      throw new DomainError(
        'BadRequest',
        `The password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`,
      );
    }
    const passwordHash = await hashPassword(input.password);
    return this.uow.run(async ({ manager: m }) => {
      // Several instances starting at once: the first insert wins, the others find it.
      const userId = await this.users.insertUnlessTaken(
        { email, name: input.name ?? null, passwordHash, role: 'admin' },
        m,
      );
      if (!userId) {
        const found = (await this.find(email))!;
        return { outcome: found.role === 'admin' ? 'exists' : 'not_admin', userId: found.id };
      }
      await this.audit.record(
        SYSTEM_ACTOR,
        {
          action: 'user.registered',
          targetType: 'user',
          targetId: userId,
          ownerId: userId,
          details: { role: 'admin', source },
        },
        m,
      );
      return { outcome: 'created', userId };
    });
  }

  private async existing(
    user: { id: string; role: string },
    promote: boolean,
    source: 'ADMIN_EMAIL' | 'cli',
  ): Promise<{ outcome: AdminOutcome; userId: string }> {
    if (user.role === 'admin') return { outcome: 'exists', userId: user.id };
    if (!promote) return { outcome: 'not_admin', userId: user.id };
    // The admins' own path: audited, and seen at once by running instances (the bus).
    await this.standing.update(SYSTEM_ACTOR, user.id, { role: 'admin' }, source);
    return { outcome: 'promoted', userId: user.id };
  }

  private async find(email: string): Promise<{ id: string; role: string } | undefined> {
    const user = await this.users.findByEmail(email);
    return user ? { id: user.id, role: user.role } : undefined;
  }
}
