import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminProvisioningService } from './admin-provisioning.service.js';
import { AdminUsersController } from './admin-users.controller.js';
import { UserAdministrationService } from './user-administration.service.js';

/**
 * Users for admins, and creating admins: shared by the service and the CLI, so that a
 * promotion from the command line reaches running instances the same way (the invalidation
 * bus) as one made over HTTP.
 */
@Module({
  imports: [SessionsModule, TokensModule, UsersModule],
  controllers: [AdminUsersController],
  providers: [UserAdministrationService, AdminProvisioningService],
  exports: [UserAdministrationService, AdminProvisioningService],
})
export class AdminUsersModule {}
