import { Global, Module } from '@nestjs/common';
import { PENDING_INVITATIONS, type PendingInvitations } from '../auth/pending-invitations.js';
import { AdminOrgsController } from './admin-orgs.controller.js';
import { MembershipCache } from './membership-cache.js';
import { MailModule } from '../mail/mail.module.js';
import { UsersModule } from '../users/users.module.js';
import { OrgAccessService } from './org-access.js';
import {
  InvitationAcceptanceController,
  OrgInvitationsController,
} from './org-invitations.controller.js';
import { OrgImportModule } from './org-import-directory.js';
import { OrgInvitationsRepository } from './org-invitations.repository.js';
import { OrgInvitationsService } from './org-invitations.service.js';
import { OrgMembersController } from './org-members.controller.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { OrgMembersService } from './org-members.service.js';
import { OrgMembershipEvents } from './org-membership-events.js';
import { OrgMembershipsService } from './org-memberships.service.js';
import { OrgTokensController } from './org-tokens.controller.js';
import { OrgTokensService } from './org-tokens.service.js';
import { OrgUsageController } from './org-usage.controller.js';
import { OrgsController } from './orgs.controller.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsageModule } from '../usage/usage.module.js';
import { OrgsRepository } from './orgs.repository.js';
import { OrgsService } from './orgs.service.js';

/**
 * Organizations: their members and roles, and (with the tokens module) the API tokens they own.
 * Other modules read memberships through MembershipCache and OrgAccessService. Global so that
 * sign-up (`REGISTRATION=invite`) can ask whether an email has a pending invitation without the
 * auth module importing this one.
 */
@Global()
@Module({
  imports: [TokensModule, UsersModule, MailModule, OrgImportModule, UsageModule],
  controllers: [
    OrgsController,
    OrgMembersController,
    OrgTokensController,
    OrgUsageController,
    OrgInvitationsController,
    InvitationAcceptanceController,
    AdminOrgsController,
  ],
  providers: [
    {
      provide: PENDING_INVITATIONS,
      inject: [OrgInvitationsService],
      useFactory: (invitations: OrgInvitationsService): PendingInvitations => ({
        hasPendingInvitation: (email) => invitations.hasPending(email),
      }),
    },
    OrgInvitationsService,
    OrgInvitationsRepository,
    OrgTokensService,
    OrgMembershipsService,
    OrgsService,
    OrgMembersService,
    OrgAccessService,
    OrgsRepository,
    OrgMembersRepository,
    MembershipCache,
    OrgMembershipEvents,
  ],
  // OrgInvitationsService.hasPending: what REGISTRATION=invite asks.
  exports: [OrgAccessService, OrgMembershipsService, OrgInvitationsService, PENDING_INVITATIONS],
})
export class OrgsModule {}
