import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { JobRunner } from './job-runner.service.js';
import { Jobs } from './jobs.js';
import { PurgeService } from './purge.service.js';

/** The jobs and their runner, without a schedule: shared by the service and the CLI. */
@Module({
  imports: [WebhooksModule],
  providers: [PurgeService, Jobs, JobRunner],
  exports: [PurgeService, Jobs, JobRunner],
})
export class JobsModule {}
