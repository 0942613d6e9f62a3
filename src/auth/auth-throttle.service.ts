import { Injectable } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { sha256Base64 } from '../common/crypto/crypto.js';
import { RateLimiter, rateLimited } from '../common/rate-limit/rate-limiter.js';
import { MetricsService, type HotChild } from '../common/metrics/metrics.service.js';
import { normalizeEmail } from '../users/email.js';

export type ThrottledAction =
  | 'register'
  | 'login'
  | 'refresh'
  | 'password-change'
  | 'password-reset'
  | 'password-reset-confirm'
  | 'credentials-revoke';

/**
 * AUTH_RATE_PER_MINUTE attempts a minute per client address and, separately, per email (the
 * token refreshes per client address only).
 */
@Injectable()
export class AuthThrottleService {
  private readonly refusals: HotChild;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.refusals = metrics.rateLimitRefusals.child({ limit: 'auth' });
  }

  async attempt(action: ThrottledAction, keys: { ip?: string; email?: string; userId?: string }) {
    const limit = this.config.authRatePerMinute;
    const buckets = [
      keys.ip && `auth:${action}:ip:${keys.ip}`,
      // Hashed: counters may live in a shared Redis, where addresses need not be readable.
      keys.email && `auth:${action}:email:${sha256Base64(normalizeEmail(keys.email))}`,
      keys.userId && `auth:${action}:user:${keys.userId}`,
    ].filter((key): key is string => Boolean(key));
    const results = await Promise.all(buckets.map((key) => this.limiter.consume(key, limit, 60)));
    const refused = results.find((result) => !result.allowed);
    if (refused) {
      this.refusals.inc();
      throw rateLimited(refused, 'Too many attempts; try again later');
    }
  }
}
