import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

/** Cron jobs (purges) are registered here. */
@Module({ imports: [ScheduleModule.forRoot()] })
export class SchedulerModule {}
