import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AccessTokenService } from './access-token.service.js';
import { SessionAuthenticator } from './session-authenticator.js';
import { SessionCache } from './session-cache.js';
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
  ],
  exports: [SessionsService, SessionAuthenticator],
})
export class SessionsModule {}
