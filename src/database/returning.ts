import type { EntityManager } from 'typeorm';

/** What a data-changing statement reports: the `RETURNING` rows and how many rows it touched. */
export interface Changed<T> {
  rows: T[];
  affected: number;
}

/**
 * Runs an `INSERT`, `UPDATE` or `DELETE` (with or without `RETURNING`) and reads its result one
 * way: `EntityManager.query` hands back rows for an INSERT but `[rows, count]` for an UPDATE or
 * DELETE, so every caller went through its own guess. Inside a transaction it runs on the
 * transaction's connection; outside, on a pooled one of its own.
 */
export async function change<T = Record<string, unknown>>(
  m: EntityManager,
  sql: string,
  params: unknown[],
): Promise<Changed<T>> {
  const own = m.queryRunner ? undefined : m.connection.createQueryRunner();
  const runner = m.queryRunner ?? own!;
  try {
    const result = await runner.query(sql, params, true);
    const rows = Array.isArray(result.records) ? (result.records as T[]) : [];
    return { rows, affected: result.affected ?? rows.length };
  } finally {
    await own?.release();
  }
}
