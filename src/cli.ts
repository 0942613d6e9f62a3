import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import promptPassword from '@inquirer/password';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadEnvFile } from './common/config/env-file.js';
import { AdminAccountsService } from './admin/admin-accounts.service.js';
import { AdminUsersModule } from './admin/admin-users.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { PolicyModule } from './policy/policy.module.js';
import { AuditModule } from './audit/audit.module.js';
import { SYSTEM_ACTOR } from './audit/audit.service.js';
import { PolicyFileError } from './policy/policy-file.error.js';
import { loadPolicy, type LoadedPolicy } from './policy/policy-loader.js';
import { MAX_IMPORT_ROWS } from './tokens/dto/token-import.dto.js';
import { TokenImportModule } from './tokens/token-import.module.js';
import { TokenImportService } from './tokens/token-import.service.js';
import { AppConfig, ConfigError } from './common/config/app-config.js';
import { loadConfig, type Config } from './config.js';
import { ConfigModule } from './common/config/config.module.js';
import { DomainError } from './common/errors/domain-error.js';
import { PinoNestLogger, createLogger } from './common/http/logger.js';
import { DatabaseModule } from './database/database.module.js';
import { ENTITIES } from './entities.js';
import {
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './database/embedded-postgres.js';
import { migrationUrl, runMigrations } from './database/migrate.js';
import { JobRunner, type JobReport } from './scheduler/job-runner.js';
import { Jobs, PURGE_JOBS, purgeTotals } from './scheduler/jobs.js';
import { JobsModule } from './scheduler/jobs.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { UsersModule } from './users/users.module.js';

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
                                   batches of ${MAX_IMPORT_ROWS}. A bad line is reported by its
                                   number and the others still import; exit 1 if any was bad.
                                   --dry-run checks and counts, writes nothing.

Runs against DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (the running service's
if it is up). Safe beside running instances: a job running elsewhere is skipped (exit 75).`;

/** sysexits(3) */
const EXIT = { ok: 0, failed: 1, usage: 64, noInput: 66, busy: 75, config: 78 } as const;

@Module({})
class CliModule {
  /** `imports`: with the token import, whose cache invalidations reach running instances. */
  static forRoot(config: AppConfig, policy: LoadedPolicy, imports: boolean): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        PolicyModule.forRoot(policy),
        DatabaseModule.forRoot(ENTITIES),
        AuditModule,
        MetricsModule,
        // With REDIS_URL, a promotion reaches running instances' caches over the bus.
        RedisModule,
        RateLimitModule,
        JobsModule,
        UsersModule,
        AdminUsersModule,
        ...(imports ? [TokenImportModule] : []),
      ],
    };
  }
}

class UsageError extends Error {}

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
  // Checked as the service checks it: a file the service would refuse is refused here too.
  const policy = loadPolicy(config.policyFile);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    const running = runningEmbeddedPostgres(config.dataDir);
    if (running) {
      config = { ...config, databaseUrl: running.url };
    } else {
      embedded = await startEmbeddedPostgres(config.dataDir, logger);
      config = { ...config, databaseUrl: embedded.url };
    }
  }
  await runMigrations(migrationUrl(config));
  const app = await NestFactory.createApplicationContext(
    CliModule.forRoot(config, policy, command === 'import-tokens'),
    {
      logger: new PinoNestLogger(logger),
    },
  );
  try {
    switch (command) {
      case 'purge':
        return await purge(app.get(JobRunner), values['dry-run'], values.json);
      case 'run-job':
        return await runJob(app.get(JobRunner), app.get(Jobs), rest[0], values['dry-run']);
      case 'jobs':
        return listJobs(app.get(Jobs), config);
      case 'import-tokens':
        return await importTokens(app.get(TokenImportService), rest[0], values['dry-run']);
      default:
        return await createAdmin(app.get(AdminAccountsService), {
          email: values.email,
          name: values.name,
          promote: values.promote,
          passwordStdin: values['password-stdin'],
        });
    }
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

async function purge(runner: JobRunner, dryRun: boolean, json: boolean): Promise<number> {
  const reports = await runner.run(PURGE_JOBS, { trigger: 'cli', dryRun });
  const totals = purgeTotals(reports);
  if (json) {
    process.stdout.write(JSON.stringify({ ...totals, dryRun, runs: reports }) + '\n');
  } else if (!reports.some((report) => report.outcome === 'skipped')) {
    process.stdout.write(
      `${dryRun ? 'Dry run: would delete' : 'Deleted'} ${totals.tokens} API tokens, ${totals.sessions} sessions, ` +
        `${totals.passwordResetTokens} password-reset links, ${totals.idempotencyKeys} idempotency records, ` +
        `${totals.webhookEvents} webhook events\n`,
    );
  }
  return exitOf(reports);
}

async function runJob(runner: JobRunner, jobs: Jobs, name: string | undefined, dryRun: boolean) {
  const job = name ? jobs.find(name) : undefined;
  if (!job)
    throw new UsageError(
      `Unknown job "${name ?? ''}"; jobs: ${jobs.all.map((j) => j.name).join(', ')}`,
    );
  const reports = await runner.run([job.name], { trigger: 'cli', dryRun });
  if (reports[0].outcome !== 'skipped') {
    process.stdout.write(
      `${job.name}: ${reports[0].outcome} ${JSON.stringify(reports[0].counts)}\n`,
    );
  }
  return exitOf(reports);
}

function listJobs(jobs: Jobs, config: Config): number {
  for (const job of jobs.all) {
    const schedule = config.jobsEnabled[job.name]
      ? `${config.jobCron[job.name]} (${config.cronTimeZone})`
      : 'off';
    process.stdout.write(`${job.name.padEnd(20)} ${schedule.padEnd(22)} ${job.description}\n`);
  }
  return EXIT.ok;
}

/**
 * Reads a JSON Lines file and imports it in batches through the same service as the admin
 * route. Line numbers (from 1) name bad rows, which import nothing while the other lines of
 * their batch do; blank lines are skipped. Nothing from the file
 * is ever printed but line numbers and the service's messages, which quote no secret.
 */
async function importTokens(
  imports: TokenImportService,
  file: string,
  dryRun: boolean,
): Promise<number> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = await new Promise<Error | null>((resolve) => {
    input.once('open', () => resolve(null));
    input.once('error', resolve);
  });
  if (opened) {
    process.stderr.write(`Cannot read ${file}: ${opened.message}\n`);
    return EXIT.noInput;
  }
  const started = Date.now();
  const totals = { lines: 0, imported: 0, skipped: 0, bad: 0 };
  let batch: { line: number; row: unknown; parseError?: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    // An unreadable line is reported here; the others of its batch go on as any row.
    const parsed = lines.filter((entry) => !entry.parseError);
    const result =
      parsed.length === 0
        ? { imported: 0, skipped: 0, errors: [], skippedRows: [] }
        : await imports.import(
            parsed.map((entry) => entry.row),
            SYSTEM_ACTOR,
            { dryRun, source: 'cli' },
          );
    const errors = [
      ...lines
        .filter((entry) => entry.parseError)
        .map((entry) => ({ line: entry.line, message: entry.parseError! })),
      ...result.errors.map((error) => ({
        line: parsed[error.index].line,
        message: error.message,
      })),
    ].sort((a, b) => a.line - b.line);
    totals.imported += result.imported;
    totals.skipped += result.skipped;
    totals.bad += errors.length;
    process.stdout.write(
      `lines ${lines[0].line}-${lines[lines.length - 1].line}: ` +
        `${dryRun ? 'would import' : 'imported'} ${result.imported}, ` +
        `skipped ${result.skipped} (known already)` +
        `${errors.length > 0 ? `, ${dryRun ? 'would refuse' : 'refused'} ${errors.length}` : ''}\n`,
    );
    for (const error of errors) process.stderr.write(`line ${error.line}: ${error.message}\n`);
    // A token that was revoked or deleted since its import is worth a line: it stays ended.
    for (const row of result.skippedRows.filter((skip) => skip.reason === 'retired')) {
      process.stderr.write(
        `line ${parsed[row.index].line}: skipped: revoked or deleted since it was imported\n`,
      );
    }
  };
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    totals.lines++;
    try {
      batch.push({ line, row: JSON.parse(text) as unknown });
    } catch {
      batch.push({ line, row: null, parseError: 'not valid JSON' });
    }
    if (batch.length === MAX_IMPORT_ROWS) await flush();
  }
  await flush();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${dryRun ? 'Dry run: would import' : 'Imported'} ${totals.imported}, skipped ${totals.skipped}, ` +
      `bad ${totals.bad}; ` +
      `${totals.lines} tokens read in ${seconds} s\n`,
  );
  return totals.bad > 0 ? EXIT.failed : EXIT.ok;
}

function exitOf(reports: JobReport[]): number {
  const skipped = reports.find((report) => report.outcome === 'skipped');
  if (skipped) {
    process.stderr.write(`Skipped: ${skipped.error}\n`);
    return EXIT.busy;
  }
  const failed = reports.filter((report) => report.outcome === 'failed');
  for (const report of failed) process.stderr.write(`${report.job} failed: ${report.error}\n`);
  return failed.length > 0 ? EXIT.failed : EXIT.ok;
}

async function createAdmin(
  accounts: AdminAccountsService,
  options: { email?: string; name?: string; promote: boolean; passwordStdin: boolean },
): Promise<number> {
  if (!options.email) throw new UsageError('create-admin needs --email');
  const password = options.passwordStdin
    ? await readStdin()
    : (process.env.ADMIN_PASSWORD ?? (await askPassword()));
  const { outcome, userId } = await accounts.create(
    { email: options.email, password, name: options.name, promote: options.promote },
    'cli',
  );
  const messages = {
    created: `Created admin ${userId}`,
    promoted: `Made existing user ${userId} an admin (password unchanged)`,
    exists: `${userId} is already an admin; nothing changed`,
    not_admin: `A user with this email exists (${userId}) and is not an admin; nothing changed (use --promote)`,
  };
  (outcome === 'not_admin' ? process.stderr : process.stdout).write(messages[outcome] + '\n');
  return outcome === 'not_admin' ? EXIT.failed : EXIT.ok;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing. */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'No password: set ADMIN_PASSWORD, or pass it on stdin with --password-stdin',
    );
  }
  // A mask shows each keystroke landed without showing the password.
  return promptPassword({ message: 'Password', mask: '*' });
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
