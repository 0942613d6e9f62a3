import { Injectable } from '@nestjs/common';
import {
  QuotaLimiter,
  type MeteredDecision,
  type MeteredUse,
} from '../common/rate-limit/quota-limiter.js';
import { periodAt, type PeriodAt, type Quota } from './quota-period.js';
import { TokenUsageRepository } from './token-usage.repository.js';
import { UsageCounter } from './usage-counter.js';

/** What a quota has left: `reset` is the end of its period (epoch ms; null: never). */
export interface QuotaState {
  limit: number;
  remaining: number;
  reset: number | null;
}

/** A counter outlives its period by this much, so that a late use cannot start it again. */
const COUNTER_MARGIN_MS = 3_600_000;

/**
 * Quotas of API tokens, shared by a rotation's old and new tokens: the counter is named after
 * the lineage (the first token's id), per calendar period. A counter that does not exist (a new
 * period, or Redis lost it) starts from the uses already written to `token_usage` for the
 * lineage in that period, after this instance has written its own: uses other instances had
 * counted and not written yet are not in it (a Redis loss may let a few more uses through,
 * never refuse one that was not spent).
 */
@Injectable()
export class TokenQuotas {
  constructor(
    private readonly limiter: QuotaLimiter,
    private readonly counter: UsageCounter,
    private readonly usage: TokenUsageRepository,
  ) {}

  /** One use against the lineage's rate windows and quota, decided together. */
  async consume(
    lineage: string,
    windows: MeteredUse['windows'],
    quota: Quota,
    now: number,
  ): Promise<{
    decision: Extract<MeteredDecision, { kind: 'decided' }>;
    period: PeriodAt;
    /** What was decided on: {@link refund} takes it back. */
    use: MeteredUse;
  }> {
    const period = periodAt(quota.period, now);
    const use: MeteredUse = {
      subject: subjectOf(lineage),
      windows,
      quota: {
        key: period.key,
        limit: quota.limit,
        expiresAt: period.end === null ? null : period.end + COUNTER_MARGIN_MS,
      },
      seed: -1,
    };
    let decision = await this.limiter.consume(use);
    if (decision.kind === 'unseeded') {
      use.seed = await this.spent(lineage, period.start);
      decision = await this.limiter.consume(use);
    }
    if (decision.kind === 'unseeded') throw new Error('A seeded quota counter was not started');
    return { decision, period, use };
  }

  /**
   * Takes back a use {@link consume} allowed and a later limit refused (the organization's
   * shared budget): its quota and windows are charged nothing for it.
   */
  refund(use: MeteredUse): Promise<void> {
    return this.limiter.refund(use);
  }

  /** What the quota has left now, charging nothing. */
  async state(lineage: string, quota: Quota, now = Date.now()): Promise<QuotaState> {
    const period = periodAt(quota.period, now);
    const used =
      (await this.limiter.used(subjectOf(lineage), period.key)) ??
      (await this.spent(lineage, period.start));
    return { limit: quota.limit, remaining: Math.max(0, quota.limit - used), reset: period.end };
  }

  /** Successful uses of the lineage since `start`, as written (this instance's included). */
  private async spent(lineage: string, start: number): Promise<number> {
    await this.counter.flushAll();
    return this.usage.validUses(lineage, new Date(start));
  }
}

/** The hash tag of a lineage's counters: its rate windows and its quota in one slot. */
export function subjectOf(lineage: string): string {
  return `token:${lineage}`;
}
