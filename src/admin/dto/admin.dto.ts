import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  type AuditAction,
  type AuditEvent,
  type AuditTargetType,
} from '../../audit/audit-event.entity.js';
import { IsDateTime } from '../../common/validation/date-time.js';
import { Optional, QueryInteger } from '../../common/validation/presence.js';
import type { JobReport } from '../../scheduler/job-runner.js';
import type { JobRun } from '../../scheduler/job-run.entity.js';
import { PageQuery } from '../../common/http/page-query.dto.js';
import { AdminTokenDto } from '../../tokens/dto/token-view.dto.js';

export class RunJobDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Count what would be deleted, delete nothing',
  })
  @Optional()
  @IsBoolean()
  dryRun?: boolean;
}

export class PurgeResultDto {
  @ApiProperty({ description: 'API tokens deleted (or that would be)' })
  tokens: number;

  @ApiProperty({ description: 'Sessions deleted, with their refresh tokens' })
  sessions: number;

  @ApiProperty({ description: 'Idempotency-Key records deleted' })
  idempotencyKeys: number;

  @ApiProperty({ description: 'Spent or expired password-reset links deleted' })
  passwordResetTokens: number;

  @ApiProperty({ description: 'Webhook events delivered or given up more than 7 days ago' })
  webhookEvents: number;

  @ApiProperty({ description: 'Audit events older than AUDIT_RETENTION_DAYS' })
  auditEvents: number;

  @ApiProperty({ description: "API tokens' hourly usage counts older than USAGE_RETENTION_DAYS" })
  tokenUsage: number;

  @ApiProperty({ description: 'Expired second-step login challenges (mfaToken)' })
  mfaChallenges: number;

  @ApiProperty({ description: 'Expired passkey (WebAuthn) ceremony challenges' })
  webauthnChallenges: number;

  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ description: 'The recorded runs, one per purge job', type: () => [JobRunDto] })
  runs: JobRunDto[];
}

export class JobRunDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for dry runs' })
  id: string | null;

  @ApiProperty()
  job: string;

  @ApiProperty({ enum: ['schedule', 'admin', 'cli'] })
  trigger: string;

  @ApiProperty({ enum: ['running', 'ok', 'failed', 'skipped'] })
  outcome: string;

  @ApiProperty()
  startedAt: string;

  @ApiProperty({ nullable: true, type: String })
  finishedAt: string | null;

  @ApiProperty({ nullable: true, type: Number })
  durationMs: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  counts: Record<string, number>;

  @ApiProperty({ nullable: true, type: String, description: 'Why it failed or was skipped' })
  error: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The instance that ran it' })
  instance: string | null;

  static fromRun(run: JobRun): JobRunDto {
    return {
      id: run.id,
      job: run.job,
      trigger: run.trigger,
      outcome: run.outcome,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
      counts: run.counts ?? {},
      error: run.error,
      instance: run.instance,
    };
  }

  static fromReport(report: JobReport, trigger: string): JobRunDto {
    return {
      id: report.runId,
      job: report.job,
      trigger,
      outcome: report.outcome,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      durationMs: Date.parse(report.finishedAt) - Date.parse(report.startedAt),
      counts: report.counts,
      error: report.error ?? null,
      instance: null,
    };
  }
}

export class JobDto {
  @ApiProperty({ example: 'purge-tokens' })
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ example: '0 3 * * *' })
  cron: string;

  @ApiProperty({ example: 'UTC' })
  timeZone: string;

  @ApiProperty({ description: 'Scheduled on this instance' })
  enabled: boolean;

  @ApiProperty({ description: 'Running now, on any instance' })
  running: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Start of the last finished run' })
  lastRunAt: string | null;

  @ApiProperty({ nullable: true, type: JobRunDto })
  lastResult: JobRunDto | null;

  @ApiProperty({ nullable: true, type: String, description: 'Null when not scheduled here' })
  nextRunAt: string | null;
}

export class ListJobRunsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Optional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The user who acted' })
  @Optional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The token, session, user or job run' })
  @Optional()
  @IsUUID()
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user the target belongs to' })
  @Optional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({
    maxLength: 254,
    description: 'The email of the user who acted (exact, any case); instead of actorId',
  })
  @Optional()
  @IsString()
  @MaxLength(254)
  actorEmail?: string;

  @ApiPropertyOptional({
    maxLength: 254,
    description: 'The email of the user the target belongs to; instead of ownerId',
  })
  @Optional()
  @IsString()
  @MaxLength(254)
  ownerEmail?: string;

  @ApiPropertyOptional({ enum: AUDIT_TARGET_TYPES })
  @Optional()
  @IsIn(AUDIT_TARGET_TYPES)
  targetType?: AuditTargetType;

  @ApiPropertyOptional({
    description: 'One action or several: repeated (`action=a&action=b`) or comma-separated',
    enum: AUDIT_ACTIONS,
    isArray: true,
    maxItems: AUDIT_ACTIONS.length,
    example: ['token.revoked', 'token.rotated'],
  })
  @Optional()
  @Transform(splitList)
  @IsArray()
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, { each: true })
  action?: AuditAction[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time' })
  @Optional()
  @IsDateTime()
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time' })
  @Optional()
  @IsDateTime()
  until?: string;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null: the system' })
  userId: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The actor's email now; null: the system, or a user since deleted",
  })
  email: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'api_token' })
  via: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  credentialId: string | null;

  @ApiProperty({ nullable: true, type: String })
  ip: string | null;

  @ApiProperty({ nullable: true, type: String })
  userAgent: string | null;
}

export class AuditTargetDto {
  @ApiProperty({ enum: AUDIT_TARGET_TYPES })
  type: AuditTargetType;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ownerId: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The owner's email now; null when there is none (or it was deleted)",
  })
  ownerEmail: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "What people call the target: a user's email, a token's name",
  })
  label: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The organization the target belongs to',
  })
  orgId: string | null;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  occurredAt: string;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiProperty({ type: AuditActorDto })
  actor: AuditActorDto;

  @ApiProperty({ type: AuditTargetDto })
  target: AuditTargetDto;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  /** `emails` by user id and `tokenNames` by token id label the actor and the target. */
  static from(
    event: AuditEvent,
    emails: Map<string, string> = new Map(),
    tokenNames: Map<string, string> = new Map(),
  ): AuditEventDto {
    const email = (id: string | null) => (id ? (emails.get(id) ?? null) : null);
    const label =
      event.targetType === 'user'
        ? email(event.targetId)
        : event.targetType === 'token' && event.targetId
          ? (tokenNames.get(event.targetId) ?? null)
          : null;
    return {
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      actor: {
        userId: event.actorId,
        email: email(event.actorId),
        via: event.actorVia,
        credentialId: event.actorCredentialId,
        ip: event.ip,
        userAgent: event.userAgent,
      },
      target: {
        type: event.targetType,
        id: event.targetId,
        ownerId: event.ownerId,
        ownerEmail: email(event.ownerId),
        label,
        orgId: event.orgId,
      },
      details: event.details,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items: AuditEventDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

/** An API token as an admin sees it: with its owner's email. */
export class OwnedTokenDto extends AdminTokenDto {
  @ApiProperty({ nullable: true, type: String, description: "The owner's email" })
  ownerEmail: string | null;
}

export class OwnedTokenPageDto {
  @ApiProperty({ type: [OwnedTokenDto] })
  items: OwnedTokenDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
