import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CronScheduler } from './cron-scheduler.js';
import { JobsModule } from './jobs.module.js';

/** The jobs on their cron schedules (`PURGE_CRON`…). */
@Module({
  imports: [ScheduleModule.forRoot(), JobsModule],
  providers: [CronScheduler],
  exports: [JobsModule, CronScheduler],
})
export class SchedulerModule {}
