import { Global, Module } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { MemoryRateLimiter, RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

/** The counters behind every rate limit: in Redis when REDIS_URL is set, else in this process. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimiter,
      inject: [RedisConnections, MetricsService],
      useFactory: (redis: RedisConnections, metrics: MetricsService): RateLimiter =>
        redis.commands
          ? new RedisRateLimiter(redis.commands, redis.prefix, metrics.rateLimitFallbacks.child({}))
          : new MemoryRateLimiter(),
    },
  ],
  exports: [RateLimiter],
})
export class RateLimitModule {}
