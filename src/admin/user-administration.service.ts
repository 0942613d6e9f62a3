import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor, type AuditRecord } from '../audit/audit.service.js';
import type { Role } from '../common/auth/scopes.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TokenReadsService } from '../tokens/token-reads.service.js';
import { TokenRevocationService } from '../tokens/token-revocation.service.js';
import { TokenRoleScopesService } from '../tokens/token-role-scopes.service.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { AdminUserDto, AdminUserPageDto, ListUsersQuery } from './dto/admin-users.dto.js';

/** Where a change of a user's standing came from, for the audit log. */
export type StandingSource = 'admin' | 'cli' | 'ADMIN_EMAIL';

/**
 * Users as admins see them, and the changes admins make to them: role, disabled, logout-all.
 * A change of role or standing is audited in its transaction, and after the commit every
 * instance forgets what it cached of the user's sessions and API tokens (the invalidation bus,
 * as for a revocation), so the next request anywhere sees it.
 */
@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenReadsService,
    private readonly revocation: TokenRevocationService,
    private readonly tokenScopes: TokenRoleScopesService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListUsersQuery): Promise<AdminUserPageDto> {
    const page = await this.users.list({
      email: query.email,
      role: query.role,
      disabled: query.disabled,
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<AdminUserDto> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return (await this.views([user]))[0];
  }

  /**
   * Changes a user's role and whether it is disabled. An admin cannot disable or demote
   * themself (403), and no change may leave no enabled admin (409).
   *
   * The rows of the acting admin and of the target are locked together, in id order: of two
   * admins demoting each other at once, the second to get the locks finds itself no longer an
   * admin and is refused, so one admin always remains.
   */
  async update(
    actor: AuditActor,
    id: string,
    patch: { role?: Role; disabled?: boolean },
    source: StandingSource = 'admin',
  ): Promise<AdminUserDto> {
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      const locked = await this.users.lockRows(actor.userId ? [actor.userId, id] : [id], m);
      const target = locked.find((row) => row.id === id);
      if (!target) throw notFound('User');
      if (actor.userId) {
        const self = locked.find((row) => row.id === actor.userId);
        // Its credential was checked before the lock: it may have lost the role meanwhile.
        if (!self || self.role !== 'admin' || self.disabled) {
          throw new DomainError('Forbidden', 'Only an enabled admin may change users');
        }
        if (actor.userId === id && (patch.disabled === true || patch.role === 'user')) {
          throw new DomainError(
            'Forbidden',
            patch.disabled === true
              ? 'You cannot disable your own account: ask another admin'
              : 'You cannot remove your own admin role: ask another admin',
          );
        }
      }
      const role = patch.role ?? target.role;
      const disabled = patch.disabled ?? target.disabled;
      const wasAdmin = target.role === 'admin' && !target.disabled;
      if (wasAdmin && (role !== 'admin' || disabled)) {
        if ((await this.users.countEnabledAdmins(id, m)) === 0) {
          throw new DomainError(
            'LastAdmin',
            'This is the last enabled admin: make another user an admin first',
          );
        }
      }
      const records: AuditRecord[] = [];
      const about = { targetType: 'user' as const, targetId: id, ownerId: id };
      if (role !== target.role) {
        await this.users.setRole(id, role, m);
        records.push({
          action: 'user.role_changed',
          ...about,
          details: { from: target.role, to: role, source },
        });
      }
      if (disabled !== target.disabled) {
        await this.users.setDisabled(id, disabled, m);
        records.push({
          action: disabled ? 'user.disabled' : 'user.enabled',
          ...about,
          details: { source },
        });
      }
      if (records.length === 0) return;
      await this.audit.record(actor, records, m);
      // The tokens lose, in their rows, the scopes the new role may not hold (a demoted admin's
      // admin-only ones): no view lists them, and a promotion back does not revive them.
      if (role !== target.role) await this.tokenScopes.narrowToRole(tx, id, role, actor);
      await this.sessions.forgetUser(id, tx);
      await this.revocation.forgetUser(id, tx);
    });
    return this.get(id);
  }

  /** Ends every session of a user (their API tokens stay); how many. */
  async logoutAll(actor: AuditActor, id: string): Promise<{ revoked: number }> {
    if (!(await this.users.findById(id))) throw notFound('User');
    const revoked = await this.sessions.revokeAll(id, 'admin', { actor });
    return { revoked: revoked.length };
  }

  private async views(users: User[]): Promise<AdminUserDto[]> {
    const ids = users.map((user) => user.id);
    const [tokens, sessions] = await Promise.all([
      this.tokens.countActive(ids),
      this.sessions.countActive(ids),
    ]);
    return users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabledAt !== null,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      activeTokens: tokens.get(user.id) ?? 0,
      activeSessions: sessions.get(user.id) ?? 0,
    }));
  }
}
