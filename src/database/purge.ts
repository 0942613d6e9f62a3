import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { change } from './returning.js';

/**
 * Rows a table's owner says may go: `due` is a condition on its rows where `$1` is the cut-off,
 * matching the table's purge index. The owning repository declares it next to its other queries.
 */
export interface PurgeTarget {
  table: string;
  due: string;
}

/** The statements of a purge, on the tables their owners describe. */
@Injectable()
export class TablePurger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A cut-off `hours` before now, from the database's clock, which judges expiry too. */
  async cutoffBefore(hours: number): Promise<Date> {
    const [{ cutoff }]: { cutoff: Date }[] = await this.dataSource.query(
      `SELECT now() - make_interval(hours => $1) AS cutoff`,
      [hours],
    );
    return cutoff;
  }

  /** How many rows of `target` are due. */
  async countDue(target: PurgeTarget, cutoff: Date): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${target.table} WHERE ${target.due}`,
      [cutoff],
    );
    return n;
  }

  /**
   * Deletes up to `limit` due rows in a short statement of its own; rows locked by a concurrent
   * change are skipped, not waited for. Returns how many went.
   */
  async deleteDueBatch(target: PurgeTarget, cutoff: Date, limit: number): Promise<number> {
    const { affected } = await change(
      this.dataSource.manager,
      `DELETE FROM ${target.table}
     WHERE ctid = ANY (ARRAY(
       SELECT ctid FROM ${target.table} WHERE ${target.due}
       LIMIT $2 FOR UPDATE SKIP LOCKED))
       AND ${target.due}`,
      [cutoff, limit],
    );
    return affected;
  }
}
