import { Module } from '@nestjs/common';
import { BEARER_STRATEGY_REF } from '../common/auth/bearer-auth.guard.js';
import { BackgroundModule } from '../common/background/background.module.js';
import { MailModule } from '../mail/mail.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthThrottleService } from './auth-throttle.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { BearerStrategy } from './bearer.strategy.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';

@Module({
  imports: [UsersModule, SessionsModule, TokensModule, MailModule, BackgroundModule],
  controllers: [AuthController, PasswordResetController],
  providers: [
    AuthService,
    AuthThrottleService,
    BearerStrategy,
    // What the guard runs: this app's instance (see BearerAuthGuard).
    { provide: BEARER_STRATEGY_REF, useExisting: BearerStrategy },
    PasswordHasher,
    PasswordResetService,
    PasswordResetTokensRepository,
  ],
  exports: [AuthThrottleService, PasswordHasher],
})
export class AuthModule {}
