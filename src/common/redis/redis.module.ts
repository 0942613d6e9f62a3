import { Global, Module } from '@nestjs/common';
import { InvalidationBus } from '../cache/invalidation-bus.js';
import { RedisConnections } from './redis-connections.js';

/** Redis, when REDIS_URL is set: shared counters and the cross-instance invalidation bus. */
@Global()
@Module({
  providers: [RedisConnections, InvalidationBus],
  exports: [RedisConnections, InvalidationBus],
})
export class RedisModule {}
