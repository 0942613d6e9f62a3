import promptPassword from '@inquirer/password';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { INestApplicationContext } from '@nestjs/common';
import type { AdminProvisioningService } from '../admin/admin-provisioning.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { JobReport, JobRunner } from '../scheduler/job-runner.js';
import type { Jobs } from '../scheduler/jobs.js';
import type { TokenImportService } from '../tokens/token-import.service.js';
import { EXIT, UsageError } from './cli-errors.js';

/** The CLI's commands that work on the database, run in the context `cli-context` opens. */

export interface CommandOptions {
  dryRun: boolean;
  json: boolean;
  email?: string;
  name?: string;
  promote: boolean;
  passwordStdin: boolean;
}

/** Runs `command` in `app`; each command imports only its own services. */
export async function runCommand(
  app: INestApplicationContext,
  command: string,
  argument: string | undefined,
  options: CommandOptions,
): Promise<number> {
  if (command === 'import-tokens') {
    const { TokenImportService } = await import('../tokens/token-import.service.js');
    return importTokens(app.get(TokenImportService), argument!, options.dryRun);
  }
  if (command === 'create-admin') {
    const { AdminProvisioningService } = await import('../admin/admin-provisioning.service.js');
    return createAdmin(app.get(AdminProvisioningService), options);
  }
  const { JobRunner } = await import('../scheduler/job-runner.js');
  if (command === 'purge') return purge(app.get(JobRunner), options.dryRun, options.json);
  const { Jobs } = await import('../scheduler/jobs.js');
  return runJob(app.get(JobRunner), app.get(Jobs), argument, options.dryRun);
}

async function purge(runner: JobRunner, dryRun: boolean, json: boolean): Promise<number> {
  const { PURGE_JOBS, purgeTotals } = await import('../scheduler/jobs.js');
  const reports = await runner.run(PURGE_JOBS, { trigger: 'cli', dryRun });
  const totals = purgeTotals(reports);
  if (json) {
    process.stdout.write(JSON.stringify({ ...totals, dryRun, runs: reports }) + '\n');
  } else if (!reports.some((report) => report.outcome === 'skipped')) {
    process.stdout.write(
      `${dryRun ? 'Dry run: would delete' : 'Deleted'} ${totals.tokens} API tokens, ${totals.sessions} sessions, ` +
        `${totals.passwordResetTokens} password-reset links, ${totals.idempotencyKeys} idempotency records, ` +
        `${totals.webhookEvents} webhook events, ${totals.auditEvents} audit events, ` +
        `${totals.tokenUsage} hourly usage counts, ${totals.mfaChallenges} MFA login challenges, ` +
        `${totals.webauthnChallenges} passkey challenges\n`,
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
  const { MAX_IMPORT_ROWS } = await import('../tokens/dto/token-import.dto.js');
  const started = Date.now();
  const totals = { lines: 0, imported: 0, skipped: 0, bad: 0 };
  let unknownScopes = false;
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
    unknownScopes ||= errors.some((error) => error.message.includes('unknown scopes'));
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
  if (unknownScopes && !process.env.POLICY_FILE) {
    process.stderr.write(
      'Scopes of your own API are declared in a policy file: set POLICY_FILE (in .env, which the ' +
        'service and this CLI both read)\n',
    );
  }
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
  accounts: AdminProvisioningService,
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
