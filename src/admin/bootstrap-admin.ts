import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { AdminProvisioningService } from './admin-provisioning.service.js';

/** The first admin, from `ADMIN_EMAIL` / `ADMIN_PASSWORD`: created once, never overwritten. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly accounts: AdminProvisioningService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail: email, adminPassword: password } = this.config;
    if (!email || !password) return;
    const { outcome, userId } = await this.accounts.create({ email, password }, 'ADMIN_EMAIL');
    if (outcome === 'created')
      this.logger.log({ msg: 'Created the admin from ADMIN_EMAIL', userId });
    if (outcome === 'not_admin') {
      this.logger.warn({
        msg: 'ADMIN_EMAIL belongs to an existing user who is not an admin; left unchanged (promote it with the CLI: create-admin --promote)',
        userId,
      });
    }
  }
}
