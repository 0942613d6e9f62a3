import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config.js';
import { loadEnvFile } from './common/config/env-file.js';
import { createLogger } from './common/http/logger.js';
import {
  DataDirInUseError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './database/embedded-postgres.js';
import { migrationUrl, runMigrations } from './database/migrate.js';
import { PolicyFileError } from './policy/policy-file.error.js';
import { loadPolicy } from './policy/policy-loader.js';

/** A bad configuration or policy file: its message, and EX_CONFIG (78). */
function stopOnBadConfig(error: unknown): never {
  if (error instanceof ConfigError || error instanceof PolicyFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

/**
 * The address really listened on (PORT=0 picks a free port), and the console's and the docs'
 * URLs on it; on every interface, they name this machine as localhost.
 */
function listening(bound: AddressInfo) {
  const any = bound.address === '0.0.0.0' || bound.address === '::';
  const host = any ? 'localhost' : bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  const base = `http://${host}:${bound.port}`;
  const address =
    bound.family === 'IPv6' ? `[${bound.address}]:${bound.port}` : `${bound.address}:${bound.port}`;
  return { address, console: `${base}/console/`, docs: `${base}/docs` };
}

async function main() {
  const envFile = loadEnvFile();
  let config;
  let policy;
  try {
    config = loadConfig();
    // Read before the database starts: a bad file fails the start at once.
    policy = loadPolicy(config.policyFile);
  } catch (error) {
    stopOnBadConfig(error);
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
  const applied = await runMigrations(migrationUrl(config));
  if (applied.length > 0) logger.info({ migrations: applied }, 'Applied database migrations');

  // A route requiring a scope the policy file does not declare stops the start here.
  const app = await createApp(config, logger, { policy }).catch(stopOnBadConfig);
  await app.listen({ port: config.port, host: config.host });
  const where = listening(app.getHttpServer().address() as AddressInfo);
  logger.info(
    { address: where.address, console: where.console, docs: where.docs },
    `Tessera is listening on ${where.address}: console ${where.console}, API docs ${where.docs}`,
  );

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
