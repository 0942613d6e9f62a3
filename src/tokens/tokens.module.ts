import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { IdempotencyService } from './idempotency.service.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { ScopesController } from './scopes.controller.js';
import { TokenCache } from './token-cache.js';
import { TokenVerifier } from './token-verifier.service.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';

/** Personal API tokens: their lifecycle, and their per-request check. */
@Module({
  imports: [WebhooksModule],
  controllers: [ScopesController, TokensController],
  providers: [TokensService, TokenVerifier, TokenCache, LastUsedTracker, IdempotencyService],
  exports: [TokensService, TokenVerifier],
})
export class TokensModule {}
