import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../common/config/app-config.js';
import { sha256 } from '../common/crypto/crypto.js';
import { missingToken } from '../common/errors/domain-error.js';
import { MetricsService } from '../common/metrics/metrics.service.js';

/**
 * Prometheus text at `/metrics`, beside `/health` and outside the API. With METRICS_TOKEN set
 * a scraper must send it as a bearer token; without it, keep the route off the public proxy.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly expected?: Buffer;

  constructor(
    private readonly metrics: MetricsService,
    config: AppConfig,
  ) {
    if (config.metricsToken) this.expected = sha256(`Bearer ${config.metricsToken}`);
  }

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Compared as hashes: equal lengths, constant time.
    if (this.expected && !timingSafeEqual(sha256(authorization ?? ''), this.expected)) {
      throw missingToken();
    }
    const text = await this.metrics.registry.metrics();
    await reply.header('content-type', this.metrics.registry.contentType).send(text);
  }
}
