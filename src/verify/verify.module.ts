import { Module } from '@nestjs/common';
import { BearerCredentials } from '../common/auth/bearer-credentials.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { VerifyController } from './verify.controller.js';
import { VerifyService } from './verify.service.js';

/** `POST /verify`: the bearer strategy's decision, with its reason, for other services. */
@Module({
  imports: [OrgsModule],
  controllers: [VerifyController],
  providers: [VerifyService, BearerCredentials],
})
export class VerifyModule {}
