import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { assertRecentAuthentication } from '../common/auth/step-up.js';
import { AppConfig } from '../common/config/app-config.js';
import { randomSecret, sha256 } from '../common/crypto/crypto.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { orgInvitationMail } from '../mail/templates/org-invitation.js';
import { normalizeEmail } from '../users/email.js';
import { UsersService } from '../users/users.service.js';
import {
  INVITATION_TOKEN,
  InvitationDto,
  type CreateInvitationDto,
  type InvitationListDto,
  type MembershipDto,
} from './dto/invitation.dto.js';
import { OrgAccessService, assertPerson } from './org-access.js';
import { OrgInvitationsRepository } from './org-invitations.repository.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { OrgMembershipEvents } from './org-membership-events.js';
import { mayManage } from './org-roles.js';
import { OrgsRepository } from './orgs.repository.js';

const TOKEN_PREFIX = 'tsri_';
/** Where the link of the mail lands; the token follows in the fragment. */
export const INVITATION_PATH = '/console/invitations';

/**
 * Invitations by mail: admins invite an email with a role; the signed-in user with that email
 * accepts once, within INVITATION_DAYS, and becomes a member.
 */
@Injectable()
export class OrgInvitationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: OrgAccessService,
    private readonly invitations: OrgInvitationsRepository,
    private readonly members: OrgMembersRepository,
    private readonly orgs: OrgsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly membership: OrgMembershipEvents,
    private readonly config: AppConfig,
  ) {}

  async invite(
    principal: AuthPrincipal,
    ref: string,
    input: CreateInvitationDto,
    actor: AuditActor,
  ): Promise<InvitationDto> {
    assertPerson(principal, 'invite members');
    const email = normalizeEmail(input.email);
    const token = TOKEN_PREFIX + randomSecret(32);
    const days = this.config.invitationDays;
    const { invitation, orgName } = await this.uow.run(async (tx) => {
      const m = tx.manager;
      const { org, role } = await this.access.resolve(principal, ref, 'admin', m);
      if (!mayManage(role, input.role)) {
        throw new DomainError('Forbidden', 'Only an owner invites owners');
      }
      // An invitation as owner makes an owner once accepted: a fresh proof, as a promotion needs.
      if (input.role === 'owner') assertRecentAuthentication(principal, this.config.stepUpSeconds);
      const existing = await this.users.findByEmail(email);
      if (existing && (await this.members.roleOf(org.id, existing.id, m)) !== null) {
        throw new DomainError('AlreadyMember', 'This email belongs to a member already');
      }
      const invitation = await this.invitations.replace(
        {
          orgId: org.id,
          email,
          role: input.role,
          tokenHash: sha256(token),
          invitedBy: userIdOf(principal),
        },
        days,
        m,
      );
      await this.audit.record(
        actor,
        {
          action: 'org.invitation_created',
          targetType: 'org',
          targetId: org.id,
          ownerId: null,
          orgId: org.id,
          details: { invitationId: invitation.id, email, role: input.role },
        },
        m,
      );
      return { invitation, orgName: org.name };
    });
    const inviter = principal.account?.email ?? null;
    this.mail.send(
      'org-invitation',
      orgInvitationMail({
        to: email,
        orgName,
        invitedBy: inviter,
        role: input.role,
        link: `${this.config.publicUrl}${INVITATION_PATH}#token=${token}`,
        days,
      }),
    );
    return InvitationDto.from(invitation);
  }

  async list(principal: AuthPrincipal, ref: string): Promise<InvitationListDto> {
    const { org } = await this.access.resolve(principal, ref, 'admin');
    const pending = await this.invitations.listPending(org.id);
    return { items: pending.map((invitation) => InvitationDto.from(invitation)) };
  }

  async withdraw(principal: AuthPrincipal, ref: string, id: string, actor: AuditActor) {
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      const { org } = await this.access.resolve(principal, ref, 'admin', m);
      const withdrawn = await this.invitations.withdraw(org.id, id, m);
      if (!withdrawn) throw notFound('Invitation');
      await this.audit.record(
        actor,
        {
          action: 'org.invitation_withdrawn',
          targetType: 'org',
          targetId: org.id,
          ownerId: null,
          orgId: org.id,
          details: { invitationId: id, email: withdrawn.email },
        },
        m,
      );
    });
  }

  /**
   * Accepted by the signed-in user the invitation names (403 for another user); an unknown,
   * used, withdrawn or expired link is one and the same 400. Only one of concurrent acceptances
   * of a link gets through.
   */
  async accept(principal: AuthPrincipal, token: string, actor: AuditActor): Promise<MembershipDto> {
    assertPerson(principal, 'accept invitations');
    const userId = userIdOf(principal);
    const found = INVITATION_TOKEN.test(token)
      ? await this.invitations.findPending(sha256(token))
      : null;
    if (!found) throw invalidInvitation();
    const user = await this.users.get(userId);
    if (normalizeEmail(user.email) !== found.email) {
      throw new DomainError('Forbidden', 'This invitation is for another email address');
    }
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const org = await this.orgs.findLive({ id: found.orgId }, m, true);
      if (!org) throw invalidInvitation();
      if (!(await this.invitations.accept(found.id, m))) throw invalidInvitation();
      if ((await this.members.roleOf(org.id, userId, m, true)) !== null) {
        throw new DomainError('AlreadyMember', 'You are a member of this organization already');
      }
      await this.members.insert(org.id, userId, found.role, m);
      await this.audit.record(
        actor,
        {
          action: 'org.member_added',
          targetType: 'user',
          targetId: userId,
          ownerId: userId,
          orgId: org.id,
          details: { role: found.role, invitationId: found.id, invitedBy: found.invitedBy },
        },
        m,
      );
      this.membership.changed(tx, [userId]);
      const row = (await this.members.list(org.id, m)).find((member) => member.userId === userId)!;
      return {
        orgId: org.id,
        slug: org.slug,
        name: org.name,
        userId,
        role: row.role,
        joinedAt: row.joinedAt.toISOString(),
      };
    });
  }

  /** Whether some organization has invited this email: REGISTRATION=invite lets it register. */
  hasPending(email: string): Promise<boolean> {
    return this.invitations.anyPendingFor(normalizeEmail(email));
  }
}

const invalidInvitation = () =>
  new DomainError('BadRequest', 'This invitation link is invalid, used or expired');
