export const QUOTA_PERIODS = ['day', 'month', 'total'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

/** The largest quota: a PostgreSQL integer. */
export const MAX_QUOTA = 2_147_483_647;

export interface Quota {
  limit: number;
  period: QuotaPeriod;
}

/** The calendar period (UTC) holding an instant: its counter's name and its bounds. */
export interface PeriodAt {
  /** Names the period's counter: a new period is a new counter, so nothing has to reset. */
  key: string;
  /** Epoch ms; 0 for `total`. */
  start: number;
  /** Epoch ms (exclusive); null for `total`, which never ends. */
  end: number | null;
}

export function periodAt(period: QuotaPeriod, at: number): PeriodAt {
  if (period === 'total') return { key: ':q:t', start: 0, end: null };
  const date = new Date(at);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (period === 'month') {
    return {
      key: `:q:m${year}-${month + 1}`,
      start: Date.UTC(year, month, 1),
      end: Date.UTC(year, month + 1, 1),
    };
  }
  const day = date.getUTCDate();
  return {
    key: `:q:d${year}-${month + 1}-${day}`,
    start: Date.UTC(year, month, day),
    end: Date.UTC(year, month, day + 1),
  };
}
