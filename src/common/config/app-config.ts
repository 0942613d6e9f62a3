import type { DatabaseConfig } from './database-config.js';
import { readDatabaseConfig } from './database-config.js';
import { ConfigError, EnvReader, type Env } from './env-reader.js';
import { readMailConfig, type MailConfig } from './mail-config.js';
import { readRetentionConfig, type RetentionConfig } from './retention-config.js';
import { readScaleConfig, type ScaleConfig } from './scale-config.js';
import { readSecretConfig, type SecretConfig } from './secret-config.js';
import { readServerConfig, type ServerConfig } from './server-config.js';
import { readSessionConfig, type SessionConfig } from './session-config.js';
import { readTokenConfig, type TokenConfig } from './token-config.js';
import { readWebhookConfig, type WebhookConfig } from './webhook-config.js';

/**
 * The validated, typed configuration. Built once at boot by `loadConfig` (`src/config.ts`).
 * Each section is read and documented in its own file; features inject this one object.
 */
// The class is only the injection token and is never instantiated (the object comes from
// `readAppConfig`), so merging the sections' fields into it leaves nothing uninitialised.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export abstract class AppConfig {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface AppConfig
  extends
    ServerConfig,
    DatabaseConfig,
    SecretConfig,
    SessionConfig,
    TokenConfig,
    MailConfig,
    RetentionConfig,
    ScaleConfig,
    WebhookConfig {}

/**
 * Reads and validates the environment's common part into `problems`; the feature sections
 * (`src/config.ts` composes them) read theirs with the same reader, so that one failed start
 * names all the bad variables at once.
 */
export function readAppConfig(
  env: Env,
  problems: string[],
): { config: AppConfig; read: EnvReader } {
  const read = new EnvReader(env, problems);
  const server = readServerConfig(read);
  const database = readDatabaseConfig(read, problems);
  const config: AppConfig = {
    ...server,
    ...database,
    ...readSecretConfig(env, server.nodeEnv, database.dataDir, problems),
    ...readSessionConfig(read, problems),
    ...readTokenConfig(read, problems),
    ...readMailConfig(read, server.nodeEnv, server.port, problems),
    ...readRetentionConfig(read, env, problems),
    ...readScaleConfig(read, problems),
    ...readWebhookConfig(read, server.nodeEnv, problems),
  };
  return { config, read };
}

/** The common part alone, validated: throws a ConfigError naming every problem. */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const { config } = readAppConfig(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
