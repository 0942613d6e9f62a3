import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AuditModule } from '../audit/audit.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { ConfigModule } from '../common/config/config.module.js';
import { PinoNestLogger } from '../common/http/logger.js';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module.js';
import { RedisModule } from '../common/redis/redis.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { ENTITIES } from '../entities.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import type { LoadedPolicy } from '../policy/policy-loader.js';
import { PolicyModule } from '../policy/policy.module.js';

/** What a command needs started: the jobs, the admin accounts, or the token import. */
export type CliNeeds = 'jobs' | 'accounts' | 'import';

@Module({})
class CliModule {
  static forRoot(config: AppConfig, policy: LoadedPolicy, feature: DynamicModule['imports']) {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        PolicyModule.forRoot(policy),
        DatabaseModule.forRoot(ENTITIES),
        AuditModule,
        MetricsModule,
        // With REDIS_URL, a promotion or an import reaches running instances' caches over the bus.
        RedisModule,
        RateLimitModule,
        ...(feature ?? []),
      ],
    } satisfies DynamicModule;
  }
}

/**
 * A Nest context holding only what `needs` asks for: the feature modules are imported here, on
 * demand, so that a command loads none of the others' code.
 */
export async function openCliContext(
  config: AppConfig,
  policy: LoadedPolicy,
  needs: CliNeeds,
  logger: Logger,
): Promise<INestApplicationContext> {
  const feature =
    needs === 'jobs'
      ? [(await import('../scheduler/jobs.module.js')).JobsModule]
      : needs === 'accounts'
        ? [
            (await import('../users/users.module.js')).UsersModule,
            (await import('../admin/admin-users.module.js')).AdminUsersModule,
          ]
        : [
            (await import('../tokens/token-import.module.js')).TokenImportModule,
            // Rows naming ownerOrg: the organizations they name.
            (await import('../orgs/org-import-directory.js')).OrgImportModule,
          ];
  return NestFactory.createApplicationContext(CliModule.forRoot(config, policy, feature), {
    logger: new PinoNestLogger(logger),
  });
}
