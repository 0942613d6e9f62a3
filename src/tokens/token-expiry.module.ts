import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ExpiryNoticeService } from './expiry-notice.service.js';

/**
 * The expiring-soon notices, apart from the rest of the tokens module: the jobs (and so the CLI)
 * need them without the per-request check and its caches.
 */
@Module({
  imports: [WebhooksModule],
  providers: [ExpiryNoticeService, ApiTokensRepository],
  exports: [ExpiryNoticeService],
})
export class TokenExpiryModule {}
