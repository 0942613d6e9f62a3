import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenService } from './access-token.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionCache } from './session-cache.js';
import { Session } from './session.entity.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Session, RefreshToken])],
  controllers: [SessionsController],
  providers: [SessionsService, SessionCache, AccessTokenService],
  exports: [SessionsService],
})
export class SessionsModule {}
