import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf } from '../audit/audit-actor.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { DeleteTokenQuery, ListTokensQuery } from '../tokens/dto/token-queries.dto.js';
import { TokenPageDto } from '../tokens/dto/token-view.dto.js';
import { AdminService } from './admin.service.js';
import {
  AuditPageDto,
  JobDto,
  JobRunDto,
  ListAuditQuery,
  ListJobRunsQuery,
  OwnedTokenPageDto,
  PurgeResultDto,
  RunJobDto,
} from './dto/admin.dto.js';

const JOB_NAME = /^[a-z][a-z-]{0,63}$/;

@ApiTags('admin')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Authenticated({ scopes: ['admin'] })
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Post('purge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Purge now: expired and revoked tokens and sessions past retention, old idempotency records',
    description: 'With dryRun, counts what would be deleted and deletes nothing.',
  })
  @ApiOkResponse({ type: PurgeResultDto })
  @ApiConflictResponse({
    description: 'A purge job is running on another instance',
    type: ErrorResponseDto,
  })
  purge(
    @Principal() principal: AuthPrincipal,
    @Body() body: RunJobDto,
    @Client() client: ClientContext,
  ): Promise<PurgeResultDto> {
    return this.admin.purge(body.dryRun ?? false, actorOf(principal, client));
  }

  @Get('jobs')
  @ApiOperation({
    summary: 'Each scheduled job: its cron, whether it is on, its last and next run',
  })
  @ApiOkResponse({ type: [JobDto] })
  jobs(): Promise<JobDto[]> {
    return this.admin.listJobs();
  }

  @Post('jobs/:name/run')
  @ApiParam({
    name: 'name',
    schema: { type: 'string', pattern: JOB_NAME.source },
    description: 'Another name is 404',
  })
  @HttpCode(200)
  @ApiOperation({ summary: 'Run one job now' })
  @ApiOkResponse({ type: JobRunDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The job is running on another instance',
    type: ErrorResponseDto,
  })
  runJob(
    @Principal() principal: AuthPrincipal,
    @Param('name') name: string,
    @Body() body: RunJobDto,
    @Client() client: ClientContext,
  ): Promise<JobRunDto> {
    return this.admin.runJob(jobName(name), body.dryRun ?? false, actorOf(principal, client));
  }

  @Get('jobs/:name/runs')
  @ApiParam({
    name: 'name',
    schema: { type: 'string', pattern: JOB_NAME.source },
    description: 'Another name is 404',
  })
  @ApiOperation({ summary: 'The last runs of one job, newest first' })
  @ApiOkResponse({ type: [JobRunDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  jobRuns(@Param('name') name: string, @Query() query: ListJobRunsQuery): Promise<JobRunDto[]> {
    return this.admin.jobRuns(jobName(name), query.limit ?? 20);
  }

  @Get('users/:id/tokens')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({ summary: "A user's API tokens, newest first" })
  @ApiOkResponse({ type: TokenPageDto })
  @ApiNotFoundResponse({ description: 'No such user', type: ErrorResponseDto })
  userTokens(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ListTokensQuery,
  ): Promise<TokenPageDto> {
    return this.admin.userTokens(id, query);
  }

  @Get('tokens')
  @ApiOperation({
    summary: 'API tokens of every user, newest first, each with its owner',
    description: 'e.g. `?expiringWithinDays=7`: the tokens that stop working within a week',
  })
  @ApiOkResponse({ type: OwnedTokenPageDto })
  tokens(@Query() query: ListTokensQuery): Promise<OwnedTokenPageDto> {
    return this.admin.allTokens(query);
  }

  @Delete('tokens/:id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(204)
  @ApiOperation({
    summary: "Revoke any user's API token at once. Idempotent.",
    description: 'With `permanent=true` the row is deleted too (the audit log keeps the events).',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revokeToken(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeleteTokenQuery,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.admin.revokeToken(id, actorOf(principal, client), query.permanent === 'true');
  }

  @Get('audit')
  @ApiOperation({
    summary:
      'The audit log, newest first: who did what to which token, session or user, when, from where',
  })
  @ApiOkResponse({ type: AuditPageDto })
  audit(@Query() query: ListAuditQuery): Promise<AuditPageDto> {
    return this.admin.auditLog(query);
  }
}

/** Job names are short kebab-case words; anything else is no job (404), never a query. */
function jobName(name: string): string {
  return JOB_NAME.test(name) ? name : '-';
}
