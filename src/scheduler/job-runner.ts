import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppConfig } from '../common/config/app-config.js';
import type { JobName } from './scheduler-config.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import type { JobTrigger } from './job-run.entity.js';
import { JobLeasesRepository } from './job-leases.repository.js';
import { JobRunsRepository } from './job-runs.repository.js';
import { Jobs, type JobDefinition } from './jobs.js';

/**
 * How long a job's lease lasts unless renewed: a runner that dies without releasing it holds
 * its jobs this long at most. Renewed every third of it while the job runs.
 */
export const JOB_LEASE_MS = 30_000;
const RENEW_EVERY_MS = JOB_LEASE_MS / 3;

export interface RunOptions {
  trigger: JobTrigger;
  /** For scheduled runs: the cron time this run stands for; a slot runs once in all. */
  slot?: Date;
  /** The admin who asked. */
  actorId?: string | null;
  dryRun?: boolean;
}

export interface JobReport {
  job: JobName;
  outcome: 'ok' | 'failed' | 'skipped';
  /** The recorded run (null for dry runs and skips). */
  runId: string | null;
  dryRun: boolean;
  counts: Record<string, number>;
  startedAt: string;
  finishedAt: string;
  /** Why it failed or was skipped. */
  error?: string;
}

/**
 * Runs jobs one at a time across every instance and the CLI: a run holds a lease row per job
 * (`job_leases`), renewed while it runs and deleted when it ends, and a scheduled run first
 * claims its cron slot in `job_runs`, so that instances whose clocks differ a little still run
 * each slot once. Whoever finds a job busy skips it.
 *
 * A lease, unlike a session-level advisory lock, needs no server session of its own, so it holds
 * behind a transaction-pooling proxy. The price: a runner that dies keeps its jobs for up to
 * {@link JOB_LEASE_MS}. A runner that cannot renew its lease (the database unreachable that long)
 * stops its job at the next batch rather than run beside whoever takes the lease next.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly stopping = new AbortController();
  private readonly running = new Set<Promise<unknown>>();
  private readonly instance = `${hostname()}:${process.pid}`.slice(0, 128);

  constructor(
    private readonly runs: JobRunsRepository,
    private readonly leases: JobLeasesRepository,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Runs `names` in order, all or none: when one of them is running elsewhere, none runs and
   * every report says `skipped`. A dry run takes no lock and records nothing.
   */
  async run(names: readonly JobName[], options: RunOptions): Promise<JobReport[]> {
    const work = this.runLocked(names, options);
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  /** Jobs running right now on any instance (by their leases). */
  async runningJobs(): Promise<Set<string>> {
    return this.leases.held(this.jobs.all.map((job) => job.name));
  }

  /** Lets a job in progress stop at its next batch; waits for it to record how far it got. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running]);
  }

  private async runLocked(names: readonly JobName[], options: RunOptions): Promise<JobReport[]> {
    const definitions = names.map((name) => {
      const job = this.jobs.find(name);
      if (!job) throw new Error(`Unknown job ${name}`);
      return job;
    });
    if (options.dryRun) {
      const reports: JobReport[] = [];
      for (const job of definitions) {
        reports.push(await this.execute(job, null, options, this.stopping.signal));
      }
      return reports;
    }

    const holder = randomUUID();
    const busy = await this.leases.acquire(names, holder, this.instance, JOB_LEASE_MS);
    if (busy) {
      return names.map((job) => this.skipped(job, `${busy} is running on another instance`));
    }
    const lost = new AbortController();
    const renewal = this.keepLeased(names, holder, lost);
    try {
      const signal = AbortSignal.any([this.stopping.signal, lost.signal]);
      const reports: JobReport[] = [];
      for (const job of definitions) {
        const runId = await this.begin(job.name, options);
        if (!runId) {
          reports.push(this.skipped(job.name, 'this scheduled run was made by another instance'));
          continue;
        }
        reports.push(await this.execute(job, runId, options, signal));
      }
      return reports;
    } finally {
      clearInterval(renewal);
      await this.leases.release(names, holder).catch(() => undefined); // else it expires
    }
  }

  /**
   * Renews the leases while the jobs run. Lost (taken over after an expiry) or not renewed for
   * half its lifetime: `lost` is aborted, and the job stops at its next batch.
   */
  private keepLeased(names: readonly JobName[], holder: string, lost: AbortController) {
    let renewedAt = Date.now();
    const giveUp = (reason: string) => {
      if (lost.signal.aborted) return;
      this.logger.warn({ msg: 'Job lease lost; stopping the job', jobs: names, reason });
      lost.abort();
    };
    const timer = setInterval(() => {
      this.leases.renew(names, holder, JOB_LEASE_MS).then(
        (held) => {
          if (held) renewedAt = Date.now();
          else giveUp('another runner holds it now');
        },
        (error: unknown) => {
          if (Date.now() - renewedAt >= JOB_LEASE_MS / 2)
            giveUp(error instanceof Error ? error.message : String(error));
        },
      );
    }, RENEW_EVERY_MS);
    timer.unref();
    return timer;
  }

  /**
   * Records the start of a run, under the job's lock. A run still marked running was cut off
   * (its instance died): it is closed as failed. Null: the scheduled slot was run already.
   */
  private async begin(job: JobName, options: RunOptions): Promise<string | null> {
    await this.runs.closeInterrupted(job);
    return this.runs.start({
      job,
      trigger: options.trigger,
      slot: options.slot ?? null,
      instance: this.instance,
      actorId: options.actorId ?? null,
    });
  }

  private async execute(
    job: JobDefinition,
    runId: string | null,
    options: RunOptions,
    signal: AbortSignal,
  ): Promise<JobReport> {
    const dryRun = options.dryRun ?? false;
    const startedAt = new Date();
    let counts: Record<string, number> = {};
    let error: string | undefined;
    try {
      counts = await job.run({ dryRun, signal });
      if (this.stopping.signal.aborted) error = 'Stopped by shutdown before it finished';
      else if (signal.aborted) error = 'Stopped: its lease was lost before it finished';
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
      this.logger.error({ msg: 'Job failed', job: job.name, err: describeError(failure) });
    }
    const finishedAt = new Date();
    if (runId) {
      await this.runs.finish(runId, error ? 'failed' : 'ok', counts, error ?? null);
    }
    if (!dryRun) {
      const outcome = error ? 'failed' : 'ok';
      this.metrics.jobRuns.inc({ job: job.name, outcome });
      this.metrics.jobDurationSeconds.observe(
        { job: job.name },
        (finishedAt.getTime() - startedAt.getTime()) / 1000,
      );
      if (job.name.startsWith('purge-')) {
        for (const [kind, n] of Object.entries(counts)) this.metrics.purgedRows.inc({ kind }, n);
      }
    }
    const report: JobReport = {
      job: job.name,
      outcome: error ? 'failed' : 'ok',
      runId,
      dryRun,
      counts,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      ...(error ? { error } : {}),
    };
    if (!error) {
      this.logger.log({
        msg: dryRun ? 'Job dry run' : 'Job done',
        job: job.name,
        trigger: options.trigger,
        counts,
        ms: finishedAt.getTime() - startedAt.getTime(),
      });
    }
    return report;
  }

  private skipped(job: JobName, reason: string): JobReport {
    this.metrics.jobRuns.inc({ job, outcome: 'skipped' });
    return skippedReport(job, reason);
  }
}

function skippedReport(job: JobName, reason: string): JobReport {
  const now = new Date().toISOString();
  return {
    job,
    outcome: 'skipped',
    runId: null,
    dryRun: false,
    counts: {},
    startedAt: now,
    finishedAt: now,
    error: reason,
  };
}
