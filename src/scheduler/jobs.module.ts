import { Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { TokenExpiryModule } from '../tokens/token-expiry.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { JobRunner } from './job-runner.js';
import { JobLeasesRepository } from './job-leases.repository.js';
import { JobRunsRepository } from './job-runs.repository.js';
import { Jobs } from './jobs.js';
import { PurgeService } from './purge.service.js';
import { SchedulerConfig } from './scheduler-config.js';

/** The jobs and their runner, without a schedule: shared by the service and the CLI. */
@Module({
  imports: [WebhooksModule, TokenExpiryModule],
  providers: [
    PurgeService,
    Jobs,
    JobRunner,
    JobRunsRepository,
    JobLeasesRepository,
    // The loaded configuration holds the scheduler's part too (src/config.ts).
    { provide: SchedulerConfig, useExisting: AppConfig },
  ],
  exports: [PurgeService, Jobs, JobRunner, JobRunsRepository, SchedulerConfig],
})
export class JobsModule {}
