import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module.js';
import { UsersModule } from '../users/users.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { ScopesController } from './scopes.controller.js';
import { TokenCacheModule } from './token-cache.module.js';
import { TokenCreationService } from './token-creation.service.js';
import { TokenEditsService } from './token-edits.service.js';
import { TokenDefaultsController } from './token-defaults.controller.js';
import { TokenImportModule } from './token-import.module.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenLookupRepository } from './token-lookup.repository.js';
import { TokenReadsService } from './token-reads.service.js';
import { TokenRevocationService } from './token-revocation.service.js';
import { TokenRoleScopesService } from './token-role-scopes.service.js';
import { TokenRotationService } from './token-rotation.service.js';
import { TokenVerifierService } from './token-verifier.service.js';
import { TokenUsageController } from './token-usage.controller.js';
import { TokensController } from './tokens.controller.js';

/**
 * Personal API tokens: their lifecycle (one service per use case: creation, reads, edits,
 * rotation, revocation), and their per-request check. Other modules read tokens through
 * TokenReadsService and end them through TokenRevocationService.
 */
@Module({
  imports: [WebhooksModule, UsersModule, TokenCacheModule, TokenImportModule, UsageModule],
  controllers: [ScopesController, TokenDefaultsController, TokensController, TokenUsageController],
  providers: [
    TokenCreationService,
    TokenReadsService,
    TokenEditsService,
    TokenRotationService,
    TokenRevocationService,
    TokenRoleScopesService,
    TokenIssuer,
    TokenVerifierService,
    LastUsedTracker,
    IdempotencyService,
    ApiTokensRepository,
    TokenLookupRepository,
    IdempotencyKeysRepository,
  ],
  exports: [
    TokenReadsService,
    TokenRevocationService,
    TokenRoleScopesService,
    TokenVerifierService,
    // The use cases, for an organization's tokens (the organizations module).
    TokenCreationService,
    TokenEditsService,
    TokenRotationService,
  ],
})
export class TokensModule {}
