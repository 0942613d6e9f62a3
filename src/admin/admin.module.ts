import { Module } from '@nestjs/common';
import { SchedulerModule } from '../scheduler/scheduler.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminAccountsService } from './admin-accounts.service.js';
import { AdminController } from './admin.controller.js';
import { AdminService } from './admin.service.js';
import { BootstrapAdmin } from './bootstrap-admin.js';

/** The admin API, and the first admin from `ADMIN_EMAIL` / `ADMIN_PASSWORD`. */
@Module({
  imports: [SchedulerModule, TokensModule, UsersModule],
  controllers: [AdminController],
  providers: [AdminService, AdminAccountsService, BootstrapAdmin],
  exports: [AdminAccountsService],
})
export class AdminModule {}
