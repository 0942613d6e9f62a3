import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config.js';
import { loadEnvFile } from './common/config/env-file.js';
import { createLogger } from './common/http/logger.js';
import {
  DataDirInUseError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';

async function main() {
  const envFile = loadEnvFile();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (envFile) logger.info({ file: envFile }, 'Read environment variables from .env');

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, logger, (detail) => {
      // Without its database the service can only fail: exit, and let a supervisor restart it.
      logger.fatal(detail);
      process.exit(1);
    });
    config = { ...config, databaseUrl: embedded.url };
  }
  const applied = await runMigrations(config.databaseUrl!);
  if (applied.length > 0) logger.info({ migrations: applied }, 'Applied database migrations');

  const app = await createApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: await app.getUrl() }, 'Tessera is listening; API docs at /docs');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
      await embedded?.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    process.stderr.write(`Tessera did not start: ${error.message}\n`);
    process.exit(73); // EX_CANTCREAT
  }
  process.stderr.write(
    `Tessera failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
