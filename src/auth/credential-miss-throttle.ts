import { Injectable } from '@nestjs/common';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import { AppConfig } from '../common/config/app-config.js';
import { MetricsService, type HotChild } from '../common/metrics/metrics.service.js';
import { RateLimiter, type RateLimitResult } from '../common/rate-limit/rate-limiter.js';

const MESSAGE = 'Too many unknown credentials from this address; try again later';
/** Past this many refused addresses, finished refusals are swept before another is added. */
const SWEEP_AT = 10_000;

/**
 * Unknown credentials cost a lookup each (a checksum-valid `tsr_` string, an imported-form
 * secret), so a client address may present AUTH_RATE_PER_MINUTE of them a minute (counted in
 * Redis when REDIS_URL is set); past that, a credential not already in the cache gets 429
 * until the minute is over, without a lookup (cached ones still work). Known credentials pay nothing for it: the counter is charged only after a miss, and
 * the check before a lookup reads this process's map of refused addresses, empty unless
 * someone is guessing.
 */
@Injectable()
export class CredentialMissThrottle {
  private readonly refusedUntil = new Map<string, { until: number; window: RateLimitResult }>();
  private readonly refusals: HotChild;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.refusals = metrics.rateLimitRefusals.child({ limit: 'unknown_credentials' });
  }

  /** Before a lookup: the refusal for an address over its allowance, if it is. */
  refusalFor(ip: string): CredentialRefused | undefined {
    if (this.refusedUntil.size === 0) return undefined;
    const refused = this.refusedUntil.get(ip);
    if (refused === undefined) return undefined;
    const now = Date.now();
    if (refused.until <= now) {
      this.refusedUntil.delete(ip);
      return undefined;
    }
    this.refusals.inc();
    const resetSeconds = Math.max(1, Math.ceil((refused.until - now) / 1000));
    return CredentialRefused.rateLimited({ ...refused.window, resetSeconds }, MESSAGE);
  }

  /**
   * After a credential presented from `ip` was not found: charged to the address; the refusal
   * to answer with instead of 401 once it is over its allowance. An unknown address ('', a
   * service describing a request without one) is not counted.
   */
  async missed(ip: string): Promise<CredentialRefused | undefined> {
    if (ip === '') return undefined;
    const window = await this.limiter.consume(
      `auth:credential-miss:ip:${ip}`,
      this.config.authRatePerMinute,
      60,
    );
    if (window.allowed) return undefined;
    const now = Date.now();
    if (this.refusedUntil.size >= SWEEP_AT) {
      for (const [address, refused] of this.refusedUntil) {
        if (refused.until <= now) this.refusedUntil.delete(address);
      }
    }
    this.refusedUntil.set(ip, { until: now + window.resetSeconds * 1000, window });
    this.refusals.inc();
    return CredentialRefused.rateLimited(window, MESSAGE);
  }
}
