import { Module } from '@nestjs/common';
import { BearerCredentials } from '../common/auth/bearer-credentials.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { VerifyController } from './verify.controller.js';
import { VerifyEventsController } from './verify-events.controller.js';
import { VerifyEvents } from './verify-events.service.js';
import { VerifyService } from './verify.service.js';

/**
 * `POST /verify`: the bearer strategy's decision, with its reason, for other services; and
 * `GET /verify/events`, the changes that make a cached decision stale.
 */
@Module({
  imports: [OrgsModule],
  controllers: [VerifyController, VerifyEventsController],
  providers: [VerifyService, BearerCredentials, VerifyEvents],
})
export class VerifyModule {}
