import { periodAt, type Quota } from '../usage/quota-period.js';
import type { TokenQuotaViewDto } from './dto/token-quota.dto.js';

/** A quota as a token's view shows it, with `used` spent in the current period. */
export function quotaView(quota: Quota, used: number, now = Date.now()): TokenQuotaViewDto {
  const end = periodAt(quota.period, now).end;
  return {
    limit: quota.limit,
    period: quota.period,
    remaining: Math.max(0, quota.limit - used),
    reset: end === null ? null : new Date(end).toISOString(),
  };
}
