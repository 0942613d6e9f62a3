import { Module } from '@nestjs/common';
import { BearerCredentials } from '../common/auth/bearer-credentials.js';
import { ForwardAuthController } from './forward-auth.controller.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { ForwardAuthService } from './forward-auth.service.js';

/** `/forward-auth`: Tessera as the gate in front of any API, behind a reverse proxy. */
@Module({
  imports: [OrgsModule],
  controllers: [ForwardAuthController],
  providers: [ForwardAuthService, BearerCredentials],
})
export class ForwardAuthModule {}
