import { Injectable } from '@nestjs/common';
import type { OrgUsageDto, TokenUsageDto, UsagePointDto } from './dto/usage.dto.js';
import { TokenUsageRepository, type TopRow, type UsageRow } from './token-usage.repository.js';
import { UsageCounter } from './usage-counter.js';
import { MAX_BUCKETS, usageRange, type UsageRange, type UsageRangeInput } from './usage-range.js';

/** The ranking may span as many days as a series may have points. */
const MAX_TOP_HOURS = MAX_BUCKETS * 24;
/** How many of an organization's tokens its usage ranks. */
const ORG_TOP = 10;

/**
 * Reads of the usage counts. Each read first writes what this instance has counted and not
 * written yet, so a user sees their last minute on the instance that served it; other
 * instances' unwritten counts arrive within their flush interval (USAGE_FLUSH_SECONDS).
 */
@Injectable()
export class UsageService {
  constructor(
    private readonly usage: TokenUsageRepository,
    private readonly counter: UsageCounter,
  ) {}

  /** Uses of a token (its lineage: every token id it was rotated from) per bucket. */
  async series(
    tokenId: string,
    lineage: readonly string[],
    input: UsageRangeInput,
    now = Date.now(),
  ): Promise<TokenUsageDto> {
    const range = usageRange(input, now);
    await this.counter.flushAll();
    const rows = await this.usage.series(lineage, range.start, range.end, range.bucketSeconds);
    return { tokenId, granularity: range.granularity, series: seriesOf(range, rows) };
  }

  /**
   * Uses of every token of an organization per bucket (the same points as a token's series,
   * summed), and its most used tokens over the whole range.
   */
  async orgSeries(orgId: string, input: UsageRangeInput, now = Date.now()): Promise<OrgUsageDto> {
    const range = usageRange(input, now);
    await this.counter.flushAll();
    const rows = await this.usage.seriesOfOrg(orgId, range.start, range.end, range.bucketSeconds);
    const top = await this.usage.topOfOrg(orgId, range.start, range.end, ORG_TOP);
    return {
      orgId,
      granularity: range.granularity,
      series: seriesOf(range, rows),
      top,
    };
  }

  /** The most used tokens in the hours from `from` up to `to` (default: the last 24 hours). */
  async top(
    input: UsageRangeInput & { limit?: number },
    now = Date.now(),
  ): Promise<{ from: Date; to: Date; rows: TopRow[] }> {
    const range = usageRange({ from: input.from, to: input.to }, now, MAX_TOP_HOURS);
    await this.counter.flushAll();
    const rows = await this.usage.top(range.start, range.end, input.limit ?? 10);
    return { from: range.start, to: range.end, rows };
  }
}

/** One point per bucket of `range`, empty ones at zero, filled from the rows. */
function seriesOf(range: UsageRange, rows: readonly UsageRow[]): UsagePointDto[] {
  const series: UsagePointDto[] = [];
  const firstSecond = range.start.getTime() / 1000;
  for (let i = 0; i < range.count; i++) {
    series.push({
      start: new Date((firstSecond + i * range.bucketSeconds) * 1000).toISOString(),
      valid: 0,
      refused: {},
    });
  }
  for (const row of rows) {
    const point = series[(row.bucket - firstSecond) / range.bucketSeconds];
    if (!point) continue;
    if (row.outcome === 'VALID') point.valid += row.count;
    else point.refused[row.outcome] = (point.refused[row.outcome] ?? 0) + row.count;
  }
  return series;
}
