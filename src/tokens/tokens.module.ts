import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { ScopesController } from './scopes.controller.js';
import { TokenCacheModule } from './token-cache.module.js';
import { TokenDefaultsController } from './token-defaults.controller.js';
import { TokenImportModule } from './token-import.module.js';
import { TokenVerifierService } from './token-verifier.service.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';

/** Personal API tokens: their lifecycle, and their per-request check. */
@Module({
  imports: [WebhooksModule, UsersModule, TokenCacheModule, TokenImportModule],
  controllers: [ScopesController, TokenDefaultsController, TokensController],
  providers: [
    TokensService,
    TokenVerifierService,
    LastUsedTracker,
    IdempotencyService,
    ApiTokensRepository,
    IdempotencyKeysRepository,
  ],
  exports: [TokensService, TokenVerifierService],
})
export class TokensModule {}
