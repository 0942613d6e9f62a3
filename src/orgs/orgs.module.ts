import { Module } from '@nestjs/common';
import { AdminOrgsController } from './admin-orgs.controller.js';
import { MembershipCache } from './membership-cache.js';
import { OrgAccessService } from './org-access.js';
import { OrgMembersController } from './org-members.controller.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { OrgMembersService } from './org-members.service.js';
import { OrgMembershipEvents } from './org-membership-events.js';
import { OrgMembershipsService } from './org-memberships.service.js';
import { OrgTokensController } from './org-tokens.controller.js';
import { OrgTokensService } from './org-tokens.service.js';
import { OrgsController } from './orgs.controller.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { OrgsRepository } from './orgs.repository.js';
import { OrgsService } from './orgs.service.js';

/**
 * Organizations: their members and roles, and (with the tokens module) the API tokens they own.
 * Other modules read memberships through MembershipCache and OrgAccessService.
 */
@Module({
  imports: [TokensModule],
  controllers: [OrgsController, OrgMembersController, OrgTokensController, AdminOrgsController],
  providers: [
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
  exports: [OrgAccessService, OrgMembershipsService],
})
export class OrgsModule {}
