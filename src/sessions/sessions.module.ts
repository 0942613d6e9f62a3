import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AccessTokenService } from './access-token.service.js';
import { SessionAuthenticator } from './session-authenticator.js';
import { SessionAuthTime } from './session-auth-time.js';
import { SessionCache } from './session-cache.js';
import { SessionDevices } from './session-devices.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [UsersModule],
  controllers: [SessionsController],
  providers: [
    SessionsService,
    SessionAuthenticator,
    SessionsRepository,
    SessionCache,
    AccessTokenService,
    SessionAuthTime,
    SessionDevices,
  ],
  exports: [SessionsService, SessionAuthenticator, SessionAuthTime, SessionDevices],
})
export class SessionsModule {}
