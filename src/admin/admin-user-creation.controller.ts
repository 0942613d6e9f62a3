import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf } from '../audit/audit-actor.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import { StepUp } from '../common/auth/step-up.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { AdminUserCreationService } from './admin-user-creation.service.js';
import { AdminUserDto } from './dto/admin-users.dto.js';
import { CreateUserDto } from './dto/create-user.dto.js';

/** Accounts created by an admin. */
@ApiTags('admin')
@Authenticated({ scopes: ['admin'] })
@Controller('admin/users')
export class AdminUserCreationController {
  constructor(private readonly accounts: AdminUserCreationService) {}

  @Post()
  @StepUp()
  @ApiOperation({
    summary: 'Create an account and mail it a link to set its password',
    description:
      'The account has no usable password until the link (the console’s reset page, valid PASSWORD_RESET_MINUTES) sets one. Works whatever REGISTRATION says.',
  })
  @ApiCreatedResponse({ type: AdminUserDto })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Email taken', type: ErrorResponseDto })
  create(
    @Principal() principal: AuthPrincipal,
    @Body() body: CreateUserDto,
    @Client() client: ClientContext,
  ): Promise<AdminUserDto> {
    return this.accounts.create(actorOf(principal, client), body);
  }
}
