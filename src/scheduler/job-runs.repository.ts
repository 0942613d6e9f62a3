import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { change } from '../database/returning.js';
import { JobRun, type JobTrigger } from './job-run.entity.js';

/** The queries on `job_runs`. */
@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Closes as failed a run of `job` still marked running (its instance died). */
  async closeInterrupted(job: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_runs SET outcome = 'failed', finished_at = now(),
              error = 'Interrupted: the instance running it stopped'
       WHERE job = $1 AND outcome = 'running'`,
      [job],
    );
  }

  /** Records a run's start; null when its scheduled slot was claimed already. */
  async start(run: {
    job: string;
    trigger: JobTrigger;
    slot: Date | null;
    instance: string;
    actorId: string | null;
  }): Promise<string | null> {
    const { rows } = await change<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO job_runs (job, trigger, slot, instance, actor_id, outcome)
       VALUES ($1, $2, $3, $4, $5, 'running')
       ON CONFLICT (job, slot) WHERE slot IS NOT NULL DO NOTHING
       RETURNING id`,
      [run.job, run.trigger, run.slot, run.instance, run.actorId],
    );
    return rows[0]?.id ?? null;
  }

  async finish(
    id: string,
    outcome: 'ok' | 'failed',
    counts: Record<string, number>,
    error: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_runs SET finished_at = now(), outcome = $2, counts = $3, error = $4
       WHERE id = $1`,
      [id, outcome, JSON.stringify(counts), error],
    );
  }

  /** The last finished run of every job. */
  lastFinished(): Promise<JobRun[]> {
    return this.dataSource
      .getRepository(JobRun)
      .createQueryBuilder('r')
      .distinctOn(['r.job'])
      .where('r.finished_at IS NOT NULL')
      .orderBy('r.job')
      .addOrderBy('r.started_at', 'DESC')
      .getMany();
  }

  /** A job's runs, newest first. */
  recent(job: string, limit: number): Promise<JobRun[]> {
    return this.dataSource.getRepository(JobRun).find({
      where: { job },
      order: { startedAt: 'DESC' },
      take: limit,
    });
  }
}
