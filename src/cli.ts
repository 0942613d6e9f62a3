import { parseArgs } from 'node:util';
import { loadEnvFile } from './common/config/env-file.js';
import { ConfigError } from './common/config/env-reader.js';
import { DomainError } from './common/errors/domain-error.js';
import { loadConfig, type Config } from './config.js';
import type { EmbeddedDatabase } from './database/embedded-postgres.js';
import { PolicyFileError } from './policy/policy-file.error.js';
import { JOB_DESCRIPTIONS, JOB_NAMES } from './scheduler/scheduler-config.js';
import { EXIT, UsageError } from './cli/cli-errors.js';

// Only what every command needs is imported here: each command loads its own modules when it
// runs, so that `jobs` or a usage error answers at once and the others start only their part.

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  purge [--dry-run] [--json]       Delete what is past retention (npm run purge -- --dry-run)
  run-job <name> [--dry-run]       Run one job now (see "jobs")
  jobs                             List the jobs and their schedules
  create-admin --email <email> [--name <name>] [--promote] [--password-stdin]
                                   Create an admin; the password comes from ADMIN_PASSWORD,
                                   from stdin with --password-stdin, or is asked for.
                                   --promote makes an existing user an admin instead.
  import-tokens <file.jsonl> [--dry-run]
                                   Import API tokens from another system, one JSON object a
                                   line (the fields of POST /api/v1/admin/tokens/import), in
                                   batches of 1000. A bad line is reported by its
                                   number and the others still import; exit 1 if any was bad.
                                   --dry-run checks and counts, writes nothing.

Runs against DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (the running service's
if it is up). Safe beside running instances: a job running elsewhere is skipped (exit 75).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      promote: { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  // `npm run purge --dry-run` (without `--`) hands the flag to npm, which passes it on this way.
  if (process.env.npm_config_dry_run === 'true') values['dry-run'] = true;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (!['purge', 'run-job', 'jobs', 'create-admin', 'import-tokens'].includes(command)) {
    throw new UsageError(`Unknown command "${command}"`);
  }

  loadEnvFile();
  // ADMIN_PASSWORD here is create-admin's input, not the service's bootstrap admin.
  let config = loadConfig({ ...process.env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  if (command === 'import-tokens' && !rest[0]) {
    throw new UsageError('import-tokens needs a file (JSON Lines)');
  }
  // Checked as the service checks it, by every command: a file the service would refuse is
  // refused here too (exit 78), before anything starts.
  const { loadPolicy } = await import('./policy/policy-loader.js');
  const policy = loadPolicy(config.policyFile);
  if (command === 'jobs') return listJobs(config);
  const { createLogger } = await import('./common/http/logger.js');
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    const { runningEmbeddedPostgres, startEmbeddedPostgres } =
      await import('./database/embedded-postgres.js');
    const running = runningEmbeddedPostgres(config.dataDir);
    if (running) {
      config = { ...config, databaseUrl: running.url };
    } else {
      embedded = await startEmbeddedPostgres(config.dataDir, logger);
      config = { ...config, databaseUrl: embedded.url };
    }
  }
  // Loaded while the migrations run.
  const loading = Promise.all([import('./cli/cli-context.js'), import('./cli/cli-commands.js')]);
  const { migrationUrl, runMigrations } = await import('./database/migrate.js');
  await runMigrations(migrationUrl(config));
  const [{ openCliContext }, commands] = await loading;
  const needs =
    command === 'import-tokens' ? 'import' : command === 'create-admin' ? 'accounts' : 'jobs';
  const app = await openCliContext(config, policy, needs, logger);
  try {
    return await commands.runCommand(app, command, rest[0], {
      dryRun: values['dry-run'],
      json: values.json,
      email: values.email,
      name: values.name,
      promote: values.promote,
      passwordStdin: values['password-stdin'],
    });
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

/** From the configuration alone: nothing is started. */
function listJobs(config: Config): number {
  for (const name of JOB_NAMES) {
    const schedule = config.jobsEnabled[name]
      ? `${config.jobCron[name]} (${config.cronTimeZone})`
      : 'off';
    process.stdout.write(`${name.padEnd(20)} ${schedule.padEnd(22)} ${JOB_DESCRIPTIONS[name]}\n`);
  }
  return EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof PolicyFileError ||
      error instanceof UsageError ||
      error instanceof DomainError
    ) {
      process.stderr.write(`${error.message}\n`);
      if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
      process.exit(
        error instanceof ConfigError || error instanceof PolicyFileError ? EXIT.config : EXIT.usage,
      );
    }
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(EXIT.usage);
    }
    process.stderr.write(
      `Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT.failed);
  },
);
