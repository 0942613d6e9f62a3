import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { UsersModule } from '../users/users.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { TokenCacheModule } from './token-cache.module.js';
import { TokenImportController } from './token-import.controller.js';
import { TokenImportRepository } from './token-import.repository.js';
import { TokenImportService } from './token-import.service.js';
import { TokenImportNotices } from './token-import-notices.js';

/**
 * Importing tokens from another system: the admin route, and the service the CLI uses too
 * (without the rest of the token lifecycle, whose background work a CLI run must not start).
 */
@Module({
  imports: [UsersModule, TokenCacheModule, WebhooksModule, MailModule],
  controllers: [TokenImportController],
  providers: [TokenImportService, TokenImportRepository, TokenImportNotices],
  exports: [TokenImportService],
})
export class TokenImportModule {}
