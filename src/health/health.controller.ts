import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
import { RedisConnections } from '../common/redis/redis-connections.js';
import { DatabaseHealth } from '../database/database-health.js';

const READY_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly redis: RedisConnections,
    private readonly bus: InvalidationBus,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'The service can answer: the database responds',
    description:
      'Also reports Redis (`up`, `down`, or `off` when not configured). Redis being down does not ' +
      'make the instance unready: it falls back to local counters and short-lived caches.',
  })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up', redis: 'up' } } })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async ready() {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.database.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
        }),
      ]);
      return { status: 'ok', database: 'up', redis: this.redisState() };
    } catch {
      throw new ServiceUnavailableException({
        message: 'Database unavailable',
        database: 'down',
        redis: this.redisState(),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private redisState(): 'up' | 'down' | 'off' {
    if (!this.redis.enabled) return 'off';
    return this.redis.commandsUp && this.bus.up ? 'up' : 'down';
  }
}
