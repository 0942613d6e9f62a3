import { readAuthConfig, type AuthConfig } from './auth/auth-config.js';
import { readAppConfig, type AppConfig } from './common/config/app-config.js';
import { ConfigError } from './common/config/env-reader.js';
import { readSchedulerConfig, type SchedulerConfig } from './scheduler/scheduler-config.js';

export { ConfigError } from './common/config/env-reader.js';

/** The whole configuration: the common part, the scheduler's and sign-up's. */
export type Config = AppConfig & SchedulerConfig & AuthConfig;

/**
 * Reads and validates the environment once at boot. Every problem is collected so that one
 * failed start names all the bad variables at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const { config, read } = readAppConfig(env, problems);
  const scheduler = readSchedulerConfig(read, problems);
  const auth = readAuthConfig(read);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, ...scheduler, ...auth };
}
