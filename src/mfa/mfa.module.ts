import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { AuthModule } from '../auth/auth.module.js';
import { SecondFactorGate } from '../auth/second-factor-gate.js';
import { CsrfGuard } from '../console/csrf.guard.js';
import { MailModule } from '../mail/mail.module.js';
import { BackgroundModule } from '../common/background/background.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { BrowserMfaController } from './browser-mfa.controller.js';
import { FactorChanges } from './factor-changes.js';
import { FactorNotices } from './factor-notices.js';
import { FactorVerifier } from './factor-verifier.js';
import { MfaChallengesRepository } from './mfa-challenges.repository.js';
import { MfaConfig } from './mfa-config.js';
import { MfaController } from './mfa.controller.js';
import { MfaLoginService } from './mfa-login.service.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import { PasskeyRegistrationService } from './passkey-registration.service.js';
import { PasskeysController } from './passkeys.controller.js';
import { PasskeysRepository } from './passkeys.repository.js';
import { SecondFactorsRepository } from './second-factors.repository.js';
import { StepUpService } from './step-up.service.js';
import { TotpService } from './totp.service.js';

/**
 * Second factors (TOTP with recovery codes, passkeys), the second step of a login, and
 * step-up. Global for one thing only: the login asks it through {@link SecondFactorGate}.
 */
@Global()
@Module({
  imports: [AuthModule, SessionsModule, UsersModule, MailModule, BackgroundModule],
  controllers: [MfaController, PasskeysController, BrowserMfaController],
  providers: [
    // The loaded configuration carries the MFA fields (src/config.ts).
    { provide: MfaConfig, useExisting: AppConfig },
    MfaLoginService,
    { provide: SecondFactorGate, useExisting: MfaLoginService },
    TotpService,
    FactorVerifier,
    FactorNotices,
    FactorChanges,
    StepUpService,
    PasskeyAssertions,
    PasskeyRegistrationService,
    SecondFactorsRepository,
    MfaChallengesRepository,
    PasskeysRepository,
    CsrfGuard,
  ],
  exports: [SecondFactorGate, SecondFactorsRepository],
})
export class MfaModule {}
