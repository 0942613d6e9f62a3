import { assertRecentAuthentication } from '../common/auth/step-up.js';
import { AppConfig } from '../common/config/app-config.js';
import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MemberDto, type MemberListDto } from './dto/member.dto.js';
import { OrgAccessService, assertPerson } from './org-access.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { OrgMembershipEvents } from './org-membership-events.js';
import { mayManage, type OrgRole } from './org-roles.js';

/**
 * Members of an organization: listed, their role changed, removed or leaving. Every change
 * locks the organization's row first and reads roles after it, so that two owners demoting each
 * other at once take turns and the second sees the first's change: one owner always remains.
 */
@Injectable()
export class OrgMembersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly members: OrgMembersRepository,
    private readonly access: OrgAccessService,
    private readonly audit: AuditService,
    private readonly membership: OrgMembershipEvents,
    private readonly config: AppConfig,
  ) {}

  async list(principal: AuthPrincipal, ref: string): Promise<MemberListDto> {
    const { org } = await this.access.resolve(principal, ref, 'member');
    return { items: (await this.members.list(org.id)).map((row) => MemberDto.from(row)) };
  }

  async changeRole(
    principal: AuthPrincipal,
    ref: string,
    userId: string,
    role: OrgRole,
    actor: AuditActor,
  ): Promise<MemberDto> {
    assertPerson(principal, 'change roles');
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const access = await this.access.resolve(principal, ref, 'admin', m);
      const orgId = access.org.id;
      const current = await this.members.roleOf(orgId, userId, m, true);
      if (current === null) throw notFound('Member');
      if (!mayManage(access.role, current) || !mayManage(access.role, role)) {
        throw new DomainError('Forbidden', 'Only an owner manages owners');
      }
      if (current !== role) {
        // Making or unmaking an owner hands over the organization: a fresh proof (RFC 9470).
        if (current === 'owner' || role === 'owner') {
          assertRecentAuthentication(principal, this.config.stepUpSeconds);
        }
        if (current === 'owner') await this.assertNotLastOwner(orgId, 'demoted', m);
        await this.members.setRole(orgId, userId, role, m);
        await this.audit.record(
          actor,
          {
            action: 'org.member_role_changed',
            targetType: 'user',
            targetId: userId,
            ownerId: userId,
            orgId,
            details: { from: current, to: role },
          },
          m,
        );
        this.membership.changed(tx, [userId]);
      }
      const row = (await this.members.list(orgId, m)).find((member) => member.userId === userId)!;
      return MemberDto.from(row);
    });
  }

  /** Removes a member (admin+, owners only by an owner), or the caller leaves. */
  async remove(
    principal: AuthPrincipal,
    ref: string,
    userId: string,
    actor: AuditActor,
  ): Promise<void> {
    assertPerson(principal, 'remove members');
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      const leaving = userId === userIdOf(principal);
      const access = await this.access.resolve(principal, ref, leaving ? 'member' : 'admin', m);
      const orgId = access.org.id;
      const current = await this.members.roleOf(orgId, userId, m, true);
      if (current === null) throw notFound('Member');
      if (!leaving && !mayManage(access.role, current)) {
        throw new DomainError('Forbidden', 'Only an owner removes owners');
      }
      // Unmaking another owner by removing them hands over the organization as a demotion does.
      if (current === 'owner' && !leaving) {
        assertRecentAuthentication(principal, this.config.stepUpSeconds);
      }
      if (current === 'owner') await this.assertNotLastOwner(orgId, 'removed', m);
      await this.members.delete(orgId, userId, m);
      await this.audit.record(
        actor,
        {
          action: 'org.member_removed',
          targetType: 'user',
          targetId: userId,
          ownerId: userId,
          orgId,
          details: { role: current, left: leaving },
        },
        m,
      );
      this.membership.changed(tx, [userId]);
    });
  }

  private async assertNotLastOwner(
    orgId: string,
    what: 'demoted' | 'removed',
    m: Parameters<OrgMembersRepository['countOwners']>[1],
  ): Promise<void> {
    if ((await this.members.countOwners(orgId, m)) <= 1) {
      throw new DomainError(
        'LastOwner',
        `The last owner cannot be ${what}: make another member owner first`,
      );
    }
  }
}
