import { Module } from '@nestjs/common';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { MemoryQuotaLimiter, QuotaLimiter } from '../common/rate-limit/quota-limiter.js';
import { RedisQuotaLimiter } from '../common/rate-limit/redis-quota-limiter.js';
import { RedisConnections } from '../common/redis/redis-connections.js';
import { TokenQuotas } from './token-quotas.js';
import { TokenUsageRepository } from './token-usage.repository.js';
import { UsageCounter } from './usage-counter.js';
import { UsageService } from './usage.service.js';

/**
 * Usage of API tokens: the in-memory count of every use per token, hour and outcome, its
 * batched writes to `token_usage`, and the reads over it. The routes live with the resources
 * they describe (a user's token, the admins' ranking). Quotas: a lineage's successful uses per
 * calendar period, counted with its rate windows in one decision.
 */
@Module({
  providers: [
    UsageCounter,
    TokenUsageRepository,
    UsageService,
    TokenQuotas,
    {
      // Quotas with their rate windows: in Redis when it is configured, else in this process.
      provide: QuotaLimiter,
      inject: [RedisConnections, MetricsService],
      useFactory: (redis: RedisConnections, metrics: MetricsService): QuotaLimiter =>
        redis.commands
          ? new RedisQuotaLimiter(
              redis.commands,
              redis.prefix,
              metrics.rateLimitFallbacks.child({}),
            )
          : new MemoryQuotaLimiter(),
    },
  ],
  exports: [UsageCounter, UsageService, TokenQuotas],
})
export class UsageModule {}
