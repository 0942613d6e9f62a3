import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { SchedulerConfig, type JobName } from '../scheduler/scheduler-config.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { CronScheduler } from '../scheduler/cron-scheduler.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JobRunsRepository } from '../scheduler/job-runs.repository.js';
import { JobRunner, type JobReport } from '../scheduler/job-runner.js';
import { Jobs, PURGE_JOBS, purgeTotals } from '../scheduler/jobs.js';
import type { ListTokensQuery } from '../tokens/dto/token-queries.dto.js';
import type { TokenPageDto } from '../tokens/dto/token-view.dto.js';
import { TokenReadsService } from '../tokens/token-reads.service.js';
import { TokenRevocationService } from '../tokens/token-revocation.service.js';
import { UsersService } from '../users/users.service.js';
import {
  AuditEventDto,
  JobRunDto,
  type AuditPageDto,
  type JobDto,
  type ListAuditQuery,
  type OwnedTokenPageDto,
  type PurgeResultDto,
} from './dto/admin.dto.js';

/** A user id no row has: what an audit filter by an unknown email looks for. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/** What admins do: run and inspect jobs, oversee any user's tokens, read the audit log. */
@Injectable()
export class AdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runs: JobRunsRepository,
    private readonly jobs: Jobs,
    private readonly runner: JobRunner,
    private readonly scheduler: CronScheduler,
    private readonly tokens: TokenReadsService,
    private readonly revocation: TokenRevocationService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly config: SchedulerConfig,
  ) {}

  /** Every purge job now, in order; 409 when one of them is running elsewhere. */
  async purge(dryRun: boolean, actor: AuditActor): Promise<PurgeResultDto> {
    const reports = await this.run(PURGE_JOBS, dryRun, actor);
    return {
      ...purgeTotals(reports),
      dryRun,
      runs: reports.map((report) => JobRunDto.fromReport(report, 'admin')),
    };
  }

  async runJob(name: string, dryRun: boolean, actor: AuditActor): Promise<JobRunDto> {
    const job = this.jobs.find(name);
    if (!job) throw notFound('Job');
    const [report] = await this.run([job.name], dryRun, actor);
    return JobRunDto.fromReport(report, 'admin');
  }

  async listJobs(): Promise<JobDto[]> {
    const [running, lastRuns] = await Promise.all([
      this.runner.runningJobs(),
      this.runs.lastFinished(),
    ]);
    return this.jobs.all.map((job) => {
      const last = lastRuns.find((run) => run.job === job.name);
      return {
        name: job.name,
        description: job.description,
        cron: this.config.jobCron[job.name],
        timeZone: this.config.cronTimeZone,
        enabled: this.config.jobsEnabled[job.name],
        running: running.has(job.name),
        lastRunAt: last?.startedAt.toISOString() ?? null,
        lastResult: last ? JobRunDto.fromRun(last) : null,
        nextRunAt: this.scheduler.nextRunAt(job.name)?.toISOString() ?? null,
      };
    });
  }

  async jobRuns(name: string, limit: number): Promise<JobRunDto[]> {
    const job = this.jobs.find(name);
    if (!job) throw notFound('Job');
    const runs = await this.runs.recent(job.name, limit);
    return runs.map((run) => JobRunDto.fromRun(run));
  }

  async userTokens(userId: string, query: ListTokensQuery): Promise<TokenPageDto> {
    await this.users.get(userId);
    return this.tokens.list(userId, query);
  }

  async allTokens(query: ListTokensQuery): Promise<OwnedTokenPageDto> {
    const page = await this.tokens.listAll(query);
    const emails = await this.users.emailsOf(
      page.items.flatMap((token) => (token.userId ? [token.userId] : [])),
    );
    return {
      items: page.items.map((token) => ({
        ...token,
        // An organization's token has no person for an owner.
        ownerEmail: token.userId ? (emails.get(token.userId) ?? null) : null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  revokeToken(id: string, actor: AuditActor, permanent = false): Promise<void> {
    return permanent
      ? this.revocation.deletePermanently(null, id, actor, 'admin')
      : this.revocation.revoke(null, id, actor, 'admin');
  }

  async auditLog(query: ListAuditQuery): Promise<AuditPageDto> {
    // An email no user has matches no event (not every event).
    const idOf = async (email: string | undefined, id: string | undefined) =>
      email === undefined ? id : ((await this.users.findByEmail(email))?.id ?? NO_USER);
    const page = await this.audit.list({
      actorId: await idOf(query.actorEmail, query.actorId),
      targetId: query.targetId,
      ownerId: await idOf(query.ownerEmail, query.ownerId),
      targetType: query.targetType,
      actions: query.action,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    const userIds = page.items.flatMap((event) => [
      event.actorId,
      event.ownerId,
      event.targetType === 'user' ? event.targetId : null,
    ]);
    const tokenIds = page.items.flatMap((event) =>
      event.targetType === 'token' && event.targetId ? [event.targetId] : [],
    );
    const [emails, tokenNames] = await Promise.all([
      this.users.emailsOf(userIds.filter((id): id is string => id !== null)),
      this.audit.tokenNames([...new Set(tokenIds)]),
    ]);
    return {
      items: page.items.map((event) => AuditEventDto.from(event, emails, tokenNames)),
      nextCursor: page.nextCursor,
    };
  }

  /** Runs jobs for an admin: recorded and audited (dry runs neither). */
  private async run(names: readonly JobName[], dryRun: boolean, actor: AuditActor) {
    const reports = await this.runner.run(names, {
      trigger: 'admin',
      actorId: actor.userId,
      dryRun,
    });
    const busy = reports.find((report) => report.outcome === 'skipped');
    if (busy)
      throw new DomainError('JobRunning', `Not started: ${busy.error}; try again when it ends`);
    // The runs recorded themselves as they went; their audit events commit together.
    await this.uow.run((tx) =>
      this.audit.record(
        actor,
        reports.filter((report) => report.runId).map(auditRecord),
        tx.manager,
      ),
    );
    return reports;
  }
}

function auditRecord(report: JobReport) {
  return {
    action: 'job.run' as const,
    targetType: 'job' as const,
    targetId: report.runId,
    ownerId: null,
    details: { job: report.job, outcome: report.outcome, counts: report.counts },
  };
}
