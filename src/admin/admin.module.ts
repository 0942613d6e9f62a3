import { Module } from '@nestjs/common';
import { SchedulerModule } from '../scheduler/scheduler.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsageModule } from '../usage/usage.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminController } from './admin.controller.js';
import { AdminUsageController } from './admin-usage.controller.js';
import { AdminService } from './admin.service.js';
import { AdminUsersModule } from './admin-users.module.js';
import { AdminUserCreationModule } from './admin-user-creation.module.js';
import { BootstrapAdmin } from './bootstrap-admin.js';

/** The admin API, and the first admin from `ADMIN_EMAIL` / `ADMIN_PASSWORD`. */
@Module({
  imports: [
    SchedulerModule,
    TokensModule,
    UsageModule,
    UsersModule,
    AdminUsersModule,
    AdminUserCreationModule,
  ],
  controllers: [AdminController, AdminUsageController],
  providers: [AdminService, BootstrapAdmin],
})
export class AdminModule {}
