import { DomainError } from '../common/errors/domain-error.js';

export const GRANULARITIES = ['hour', 'day'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The most points one query may ask for. */
export const MAX_BUCKETS = 400;

const BUCKET_SECONDS: Record<Granularity, number> = { hour: 3600, day: 86_400 };
/** Points of the default range: the last 24 hours, or the last 30 days. */
const DEFAULT_BUCKETS: Record<Granularity, number> = { hour: 24, day: 30 };

/** A date, or a date and time with its offset: a time without one would depend on a zone. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export interface UsageRangeInput {
  from?: string;
  to?: string;
  granularity?: Granularity;
}

/** The buckets a usage query covers: UTC hours or days, `count` of them from `start`. */
export interface UsageRange {
  granularity: Granularity;
  bucketSeconds: number;
  /** Start of the first bucket. */
  start: Date;
  /** End of the last bucket (exclusive). */
  end: Date;
  count: number;
}

/**
 * The buckets from the one holding `from` to the one holding the last instant before `to`.
 * Without `to`: now; without `from`: the 24 hours (or 30 days) ending with `to`'s bucket.
 * @throws DomainError (400) for an unreadable date, `from` not before `to`, or over 400 buckets.
 */
export function usageRange(
  input: UsageRangeInput,
  now = Date.now(),
  maxBuckets = MAX_BUCKETS,
): UsageRange {
  const granularity = input.granularity ?? 'hour';
  const bucketMs = BUCKET_SECONDS[granularity] * 1000;
  const to = input.to === undefined ? now : parseDate(input.to, 'to');
  const from =
    input.from === undefined
      ? Math.floor((to - 1) / bucketMs) * bucketMs - (DEFAULT_BUCKETS[granularity] - 1) * bucketMs
      : parseDate(input.from, 'from');
  if (from >= to) throw new DomainError('BadRequest', 'from must be before to');
  const first = Math.floor(from / bucketMs);
  const last = Math.ceil(to / bucketMs) - 1;
  const count = last - first + 1;
  if (count > maxBuckets) {
    throw new DomainError(
      'BadRequest',
      `The range covers ${count} ${granularity}s; at most ${maxBuckets} may be asked for`,
    );
  }
  return {
    granularity,
    bucketSeconds: bucketMs / 1000,
    start: new Date(first * bucketMs),
    end: new Date((last + 1) * bucketMs),
    count,
  };
}

function parseDate(value: string, name: string): number {
  const at = ISO_DATE.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at) || !isCalendarDate(value)) {
    throw new DomainError(
      'BadRequest',
      `${name} must be an ISO-8601 date or date-time with offset`,
    );
  }
  return at;
}

/** Date.parse rolls 2026-02-30 over into March: the day must exist in its month. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}
