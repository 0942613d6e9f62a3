import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf } from '../audit/audit-actor.js';
import { StepUp } from '../common/auth/step-up.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { RevokedCountDto } from '../common/http/revoked-count.dto.js';
import { UserAdministrationService } from './user-administration.service.js';
import {
  AdminUserDto,
  AdminUserPageDto,
  ListUsersQuery,
  UpdateUserDto,
} from './dto/admin-users.dto.js';

/** Users for admins: find one, change its role, disable it, end its sessions. */
@ApiTags('admin')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Authenticated({ scopes: ['admin'] })
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UserAdministrationService) {}

  @Get()
  @ApiOperation({
    summary: 'Users, newest first, by a part of their email, role and whether disabled',
  })
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@Query() query: ListUsersQuery): Promise<AdminUserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({ summary: 'One user, with its active tokens and sessions counted' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AdminUserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @StepUp()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Change a user’s role or disable it; every instance sees it on the next request',
    description:
      'A disabled user’s sessions and API tokens are refused and login answers as for a wrong password; enabling it again brings them back. An admin cannot disable or demote themself.',
  })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiForbiddenResponse({
    description: 'An admin disabling or demoting themself',
    type: ErrorResponseDto,
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The change would leave no enabled admin',
    type: ErrorResponseDto,
  })
  update(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @Client() client: ClientContext,
  ): Promise<AdminUserDto> {
    return this.users.update(actorOf(principal, client), id, body);
  }

  @Post(':id/logout-all')
  @StepUp()
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({ summary: 'End every session of a user (its API tokens keep working)' })
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  logoutAll(
    @Principal() principal: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Client() client: ClientContext,
  ): Promise<RevokedCountDto> {
    return this.users.logoutAll(actorOf(principal, client), id);
  }
}
