import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AdminModule } from './admin/admin.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ConsoleModule } from './console/console.module.js';
import { CredentialsModule } from './credentials/credentials.module.js';
import type { AppConfig } from './common/config/app-config.js';
import { ConfigModule } from './common/config/config.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ENTITIES } from './entities.js';
import { ForwardAuthModule } from './forward-auth/forward-auth.module.js';
import { HealthModule } from './health/health.module.js';
import { IntrospectionModule } from './introspection/introspection.module.js';
import { MfaModule } from './mfa/mfa.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OrgsModule } from './orgs/orgs.module.js';
import type { LoadedPolicy } from './policy/policy-loader.js';
import { PolicyModule } from './policy/policy.module.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { TokensModule } from './tokens/tokens.module.js';
import { VerifyModule } from './verify/verify.module.js';

@Module({})
export class AppModule {
  /**
   * @param policy the policy file, loaded once at boot
   * @param modules the deployment's own modules, guarded like Tessera's routes (see
   *   docs/guard-your-api.md)
   */
  static forRoot(
    config: AppConfig,
    policy: LoadedPolicy,
    modules: readonly (Type | DynamicModule)[] = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PolicyModule.forRoot(policy),
        DatabaseModule.forRoot(ENTITIES),
        AuditModule,
        // Several instances: metrics, then Redis (counters, invalidation bus) before its users.
        MetricsModule,
        RedisModule,
        RateLimitModule,
        HealthModule,
        AuthModule,
        MfaModule,
        SessionsModule,
        TokensModule,
        OrgsModule,
        CredentialsModule,
        SchedulerModule,
        AdminModule,
        IntrospectionModule,
        VerifyModule,
        ForwardAuthModule,
        ConsoleModule,
        ...modules,
      ],
    };
  }
}
