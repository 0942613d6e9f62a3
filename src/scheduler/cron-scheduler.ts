import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { JOB_NAMES, SchedulerConfig, type JobName } from './scheduler-config.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import { JobRunner } from './job-runner.js';

const MINUTE_MS = 60_000;

/**
 * Puts the enabled jobs on their cron schedule in this instance. Every instance schedules them;
 * the runner makes sure each scheduled time runs once.
 */
@Injectable()
export class CronScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(CronScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly runner: JobRunner,
    private readonly config: SchedulerConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of JOB_NAMES) {
      if (!this.config.jobsEnabled[name]) continue;
      const job = CronJob.from({
        cronTime: this.config.jobCron[name],
        timeZone: this.config.cronTimeZone,
        onTick: () => this.fire(name),
        waitForCompletion: true,
        start: false,
        name,
      });
      this.registry.addCronJob(name, job);
      job.start();
    }
  }

  /** When the job runs next in this instance; null when it is not scheduled here. */
  nextRunAt(name: JobName): Date | null {
    if (!this.registry.doesExist('cron', name)) return null;
    return this.registry.getCronJob(name).nextDate().toJSDate();
  }

  private async fire(name: JobName): Promise<void> {
    // The minute the cron time stands for: instances whose clocks differ by under 30 s agree.
    const slot = new Date(Math.round(Date.now() / MINUTE_MS) * MINUTE_MS);
    try {
      const [report] = await this.runner.run([name], { trigger: 'schedule', slot });
      if (report.outcome === 'skipped') {
        this.logger.log({ msg: 'Scheduled job skipped', job: name, reason: report.error });
      }
    } catch (error) {
      this.logger.error({
        msg: 'Scheduled job could not run',
        job: name,
        err: describeError(error),
      });
    }
  }
}
