import { Injectable } from '@nestjs/common';
import { JOB_DESCRIPTIONS, jobNamed, type JobName } from './scheduler-config.js';
import { ExpiryNoticeService } from '../tokens/expiry-notice.service.js';
import { PurgeService, type PurgeKind } from './purge.service.js';

export interface JobContext {
  /** Count what would be done, change nothing. */
  dryRun: boolean;
  /** Aborts when the application shuts down: a job stops at its next safe point. */
  signal: AbortSignal;
}

export interface JobDefinition {
  name: JobName;
  description: string;
  /** Does the work; returns what it did, by name (rows deleted per table…). */
  run(context: JobContext): Promise<Record<string, number>>;
}

/** Every job there is, whoever runs it: the cron schedule, an admin or the CLI. */
@Injectable()
export class Jobs {
  private readonly byName: Map<JobName, JobDefinition>;

  constructor(purge: PurgeService, expiryNotices: ExpiryNoticeService) {
    const purgeJob = (name: JobName, kinds: PurgeKind[]): JobDefinition => ({
      name,
      description: JOB_DESCRIPTIONS[name],
      async run({ dryRun, signal }) {
        const counts: Record<string, number> = {};
        for (const kind of kinds) counts[kind] = await purge.purge(kind, { dryRun, signal });
        return counts;
      },
    });
    const all: JobDefinition[] = [
      purgeJob('purge-tokens', ['tokens']),
      purgeJob('purge-sessions', ['sessions', 'passwordResetTokens']),
      purgeJob('purge-records', [
        'idempotencyKeys',
        'webhookEvents',
        'auditEvents',
        'tokenUsage',
        'mfaChallenges',
        'webauthnChallenges',
      ]),
      {
        name: 'notify-expiring-tokens',
        description: JOB_DESCRIPTIONS['notify-expiring-tokens'],
        async run({ dryRun }) {
          return { notices: (await expiryNotices.run({ dryRun })).events };
        },
      },
    ];
    this.byName = new Map(all.map((job) => [job.name, job]));
  }

  get all(): JobDefinition[] {
    return [...this.byName.values()];
  }

  /** The job of this name, or of this former name. */
  find(name: string): JobDefinition | undefined {
    const job = jobNamed(name);
    return job && this.byName.get(job);
  }
}

/** The purge jobs, in the order a full purge runs them. */
export const PURGE_JOBS: readonly JobName[] = ['purge-tokens', 'purge-sessions', 'purge-records'];

/** A full purge's counts, summed over its jobs' reports. */
export function purgeTotals(reports: { counts: Record<string, number> }[]) {
  const totals = {
    tokens: 0,
    sessions: 0,
    idempotencyKeys: 0,
    passwordResetTokens: 0,
    webhookEvents: 0,
    auditEvents: 0,
    tokenUsage: 0,
    mfaChallenges: 0,
    webauthnChallenges: 0,
  };
  for (const report of reports) {
    for (const [kind, n] of Object.entries(report.counts)) {
      totals[kind as keyof typeof totals] = (totals[kind as keyof typeof totals] ?? 0) + n;
    }
  }
  return totals;
}
