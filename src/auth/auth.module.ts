import { Module } from '@nestjs/common';
import { BEARER_STRATEGY_REF } from '../common/auth/bearer-auth.guard.js';
import { BackgroundModule } from '../common/background/background.module.js';
import { MailModule } from '../mail/mail.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsersModule } from '../users/users.module.js';
import { AppConfig } from '../common/config/app-config.js';
import { AuthConfig } from './auth-config.js';
import { AuthThrottleService } from './auth-throttle.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { BearerStrategy } from './bearer.strategy.js';
import { CredentialMissThrottle } from './credential-miss-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { RegistrationPolicy } from './registration-policy.js';

@Module({
  imports: [UsersModule, SessionsModule, TokensModule, MailModule, BackgroundModule],
  controllers: [AuthController, PasswordResetController],
  providers: [
    AuthService,
    { provide: AuthConfig, useExisting: AppConfig },
    AuthThrottleService,
    BearerStrategy,
    CredentialMissThrottle,
    // What the guard runs: this app's instance (see BearerAuthGuard).
    { provide: BEARER_STRATEGY_REF, useExisting: BearerStrategy },
    PasswordHasher,
    RegistrationPolicy,
    PasswordResetService,
    PasswordResetTokensRepository,
  ],
  exports: [AuthThrottleService, PasswordHasher, PasswordResetService],
})
export class AuthModule {}
