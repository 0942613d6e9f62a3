import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BackgroundModule } from '../common/background/background.module.js';
import { MailModule } from '../mail/mail.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { UsersModule } from '../users/users.module.js';
import { CredentialsController } from './credentials.controller.js';
import { LeakedCredentialsService } from './leaked-credentials.service.js';

/** Reports of credentials found exposed, from anyone who holds them. */
@Module({
  imports: [AuthModule, TokensModule, UsersModule, MailModule, BackgroundModule],
  controllers: [CredentialsController],
  providers: [LeakedCredentialsService],
})
export class CredentialsModule {}
