import { Global, Module } from '@nestjs/common';
import { MemoryRateLimiter, RateLimiter } from './rate-limiter.js';

/** The counters behind every rate limit: in this process. */
@Global()
@Module({
  providers: [{ provide: RateLimiter, useClass: MemoryRateLimiter }],
  exports: [RateLimiter],
})
export class RateLimitModule {}
