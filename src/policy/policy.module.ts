import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LOADED_POLICY, type LoadedPolicy } from './policy-loader.js';
import { RouteMatcher } from './route-matcher.js';
import { RouteScopeCheck } from './route-scope-check.js';
import { ScopeRegistry } from './scope-registry.js';

/**
 * Hands the policy file, loaded once at boot, to every module: inject `ScopeRegistry` for the
 * scopes there are and who may hold them, `RouteMatcher` for the route rules, or
 * `@Inject(LOADED_POLICY)` for both with the file they came from.
 */
export { LOADED_POLICY } from './policy-loader.js';

@Global()
@Module({})
export class PolicyModule {
  static forRoot(policy: LoadedPolicy): DynamicModule {
    return {
      module: PolicyModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: LOADED_POLICY, useValue: policy },
        { provide: ScopeRegistry, useValue: policy.scopes },
        { provide: RouteMatcher, useValue: policy.routes },
        RouteScopeCheck,
      ],
      exports: [LOADED_POLICY, ScopeRegistry, RouteMatcher, RouteScopeCheck],
    };
  }
}
