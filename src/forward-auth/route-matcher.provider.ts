import type { Provider } from '@nestjs/common';
import { loadPolicy } from '../policy/policy-loader.js';
import { RouteMatcher } from '../policy/route-matcher.js';

/**
 * The policy file's route rules, for forward auth. Read here from POLICY_FILE until the
 * policy is provided to the whole app; then this provider goes and forward auth injects that
 * `RouteMatcher` instead.
 */
export const routeMatcherProvider: Provider = {
  provide: RouteMatcher,
  useFactory: () => loadPolicy(process.env.POLICY_FILE).routes,
};
