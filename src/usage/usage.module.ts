import { Module } from '@nestjs/common';
import { TokenUsageRepository } from './token-usage.repository.js';
import { UsageCounter } from './usage-counter.js';
import { UsageService } from './usage.service.js';

/**
 * Usage of API tokens: the in-memory count of every use per token, hour and outcome, its
 * batched writes to `token_usage`, and the reads over it. The routes live with the resources
 * they describe (a user's token, the admins' ranking).
 */
@Module({
  providers: [UsageCounter, TokenUsageRepository, UsageService],
  exports: [UsageCounter, UsageService],
})
export class UsageModule {}
