import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminUserCreationController } from './admin-user-creation.controller.js';
import { AdminUserCreationService } from './admin-user-creation.service.js';
import { AdminUsersModule } from './admin-users.module.js';

/**
 * POST /admin/users: apart from AdminUsersModule, which the CLI loads too, since it needs the
 * password-reset links and mail of AuthModule.
 */
@Module({
  imports: [AuthModule, UsersModule, AdminUsersModule],
  controllers: [AdminUserCreationController],
  providers: [AdminUserCreationService],
})
export class AdminUserCreationModule {}
