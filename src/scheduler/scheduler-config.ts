import type { EnvReader } from '../common/config/env-reader.js';

/** Every scheduled job. */
export const JOB_NAMES = [
  'purge-tokens',
  'purge-sessions',
  'purge-records',
  'notify-expiring-tokens',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** What each job does, for listings (the CLI lists them without starting anything). */
export const JOB_DESCRIPTIONS: Readonly<Record<JobName, string>> = {
  'purge-tokens': 'Deletes API tokens expired or revoked more than TOKEN_RETENTION_DAYS ago',
  'purge-sessions':
    'Deletes sessions ended more than SESSION_RETENTION_DAYS ago, and spent password-reset links',
  'purge-records':
    'Deletes Idempotency-Key records older than 24 hours, webhook events delivered or given up more than 7 days ago, audit events older than AUDIT_RETENTION_DAYS, API tokens’ hourly usage counts older than USAGE_RETENTION_DAYS, and expired MFA login and passkey challenges',
  'notify-expiring-tokens':
    'Sends a token.expiring_soon webhook, once, for each API token expiring within TOKEN_EXPIRY_NOTICE_DAYS',
};

/**
 * Former names of renamed jobs, still understood wherever a job is named (JOBS_DISABLED, the
 * admin API, the CLI) so that a deployment's settings and scripts keep working.
 */
export const FORMER_JOB_NAMES: Readonly<Record<string, JobName>> = {
  'purge-idempotency': 'purge-records',
};

/** The job `name` stands for, by its name or a former one; undefined when there is none. */
export function jobNamed(name: string): JobName | undefined {
  if ((JOB_NAMES as readonly string[]).includes(name)) return name as JobName;
  return Object.hasOwn(FORMER_JOB_NAMES, name) ? FORMER_JOB_NAMES[name] : undefined;
}

/**
 * When each job runs. The loaded configuration object carries these fields beside the common
 * ones (`src/config.ts`); the scheduler module injects it under this type.
 */
export abstract class SchedulerConfig {
  /** Cron expression (5 fields, minute precision) of each scheduled job, by job name. */
  readonly jobCron: Readonly<Record<JobName, string>>;
  /** Jobs this instance schedules; all may still be run by an admin or the CLI. */
  readonly jobsEnabled: Readonly<Record<JobName, boolean>>;
  /** Time zone the cron expressions are read in. */
  readonly cronTimeZone: string;
}

/** Per-job cron variables; the purges fall back to the shared `PURGE_CRON`. */
const JOB_CRON_VARIABLES: Record<JobName, string> = {
  'purge-tokens': 'PURGE_TOKENS_CRON',
  'purge-sessions': 'PURGE_SESSIONS_CRON',
  'purge-records': 'PURGE_RECORDS_CRON',
  'notify-expiring-tokens': 'EXPIRY_NOTICE_CRON',
};

/** A renamed job's former cron variable, read when the current one is unset. */
const FORMER_CRON_VARIABLES: Partial<Record<JobName, string>> = {
  'purge-records': 'PURGE_IDEMPOTENCY_CRON',
};

/** The jobs' schedules, from `PURGE_CRON`, the per-job variables, `JOBS_DISABLED`, `CRON_TZ`. */
export function readSchedulerConfig(read: EnvReader, problems: string[]): SchedulerConfig {
  const purgeCron = read.cron('PURGE_CRON', '0 3 * * *');
  const jobCron = {} as Record<JobName, string>;
  for (const job of JOB_NAMES) {
    const fallback = job.startsWith('purge-') ? purgeCron : '0 8 * * *';
    const former = FORMER_CRON_VARIABLES[job];
    jobCron[job] = read.cron(
      JOB_CRON_VARIABLES[job],
      former ? read.cron(former, fallback) : fallback,
    );
  }

  const jobsEnabled = {} as Record<JobName, boolean>;
  const schedulerOn = read.bool('SCHEDULER_ENABLED', true);
  const purgeOn = read.bool('PURGE_ENABLED', true);
  const disabled = new Set<JobName>();
  const named = read
    .string('JOBS_DISABLED', '')
    .split(',')
    .map((name) => name.trim());
  for (const name of named.filter(Boolean)) {
    const job = jobNamed(name);
    if (job) disabled.add(job);
    else
      problems.push(`JOBS_DISABLED names an unknown job "${name}" (jobs: ${JOB_NAMES.join(', ')})`);
  }
  for (const job of JOB_NAMES) {
    jobsEnabled[job] = schedulerOn && (!job.startsWith('purge-') || purgeOn) && !disabled.has(job);
  }

  const cronTimeZone = read.string('CRON_TZ', 'UTC');
  try {
    new Intl.DateTimeFormat('en', { timeZone: cronTimeZone });
  } catch {
    problems.push(
      `CRON_TZ must be an IANA time zone such as UTC or Europe/Paris (got "${cronTimeZone}")`,
    );
  }
  return { jobCron, jobsEnabled, cronTimeZone };
}
