import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { change } from '../database/returning.js';

class Busy extends Error {
  constructor(readonly job: string) {
    super(`${job} is leased`);
  }
}

/**
 * The queries on `job_leases`. Every statement stands alone or in one short transaction, and
 * times are the database's `now()`: nothing depends on a server session (so it holds behind a
 * transaction-pooling proxy) or on the instances' clocks agreeing.
 */
@Injectable()
export class JobLeasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Leases every one of `jobs` to `holder` for `ttlMs`, or none: returns the first job whose
   * lease someone else holds, or null when all are now held by `holder`. A lease past its
   * expiry is free. Jobs are taken in name order, so that two overlapping sets cannot deadlock.
   */
  async acquire(
    jobs: readonly string[],
    holder: string,
    instance: string,
    ttlMs: number,
  ): Promise<string | null> {
    const sorted = [...jobs].sort();
    try {
      await this.dataSource.transaction(async (m) => {
        // A concurrent insert of the same job waits for this transaction, then finds the row
        // unexpired and leaves it: of two takers, one gets it.
        const { rows } = await change<{ job: string }>(
          m,
          `INSERT INTO job_leases (job, holder, instance, expires_at)
           SELECT job, $2, $3, now() + $4 * interval '1 millisecond'
           FROM unnest($1::text[]) WITH ORDINALITY AS t(job, n) ORDER BY n
           ON CONFLICT (job) DO UPDATE
             SET holder = EXCLUDED.holder, instance = EXCLUDED.instance,
                 acquired_at = now(), expires_at = EXCLUDED.expires_at
             WHERE job_leases.expires_at <= now()
           RETURNING job`,
          [sorted, holder, instance, ttlMs],
        );
        const taken = new Set(rows.map((row) => row.job));
        const busy = jobs.find((job) => !taken.has(job));
        if (busy) throw new Busy(busy); // and roll back what was taken
      });
      return null;
    } catch (error) {
      if (error instanceof Busy) return error.job;
      throw error;
    }
  }

  /** Pushes the expiry of `holder`'s leases on; false when it no longer holds them all. */
  async renew(jobs: readonly string[], holder: string, ttlMs: number): Promise<boolean> {
    const { affected } = await change(
      this.dataSource.manager,
      `UPDATE job_leases SET expires_at = now() + $3 * interval '1 millisecond'
       WHERE job = ANY($1::text[]) AND holder = $2 AND expires_at > now()`,
      [jobs, holder, ttlMs],
    );
    return affected === jobs.length;
  }

  async release(jobs: readonly string[], holder: string): Promise<void> {
    await change(
      this.dataSource.manager,
      `DELETE FROM job_leases WHERE job = ANY($1::text[]) AND holder = $2`,
      [jobs, holder],
    );
  }

  /** Of `jobs`, those leased now (by any instance or the CLI). */
  async held(jobs: readonly string[]): Promise<Set<string>> {
    const rows: { job: string }[] = await this.dataSource.query(
      `SELECT job FROM job_leases WHERE job = ANY($1::text[]) AND expires_at > now()`,
      [jobs],
    );
    return new Set(rows.map((row) => row.job));
  }
}
