import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
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
import { MemberDto, MemberListDto, UpdateMemberDto } from './dto/member.dto.js';
import { OrgMembersService } from './org-members.service.js';
import { ORG_PARAM } from './orgs.controller.js';

@ApiTags('orgs')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiParam(ORG_PARAM)
@Controller('orgs/:org/members')
export class OrgMembersController {
  constructor(private readonly members: OrgMembersService) {}

  @Get()
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'listOrgMembers',
    summary: "An organization's members, owners first",
  })
  @ApiOkResponse({ type: MemberListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  list(@Principal() principal: AuthPrincipal, @Param('org') org: string): Promise<MemberListDto> {
    return this.members.list(principal, org);
  }

  @Patch(':userId')
  @ApiParam({ name: 'userId', format: 'uuid' })
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'updateOrgMember',
    summary: "Change a member's role (admin+; owners by an owner)",
    description: 'The last owner cannot be demoted (409).',
  })
  @ApiOkResponse({ type: MemberDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The last owner', type: ErrorResponseDto })
  update(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: UpdateMemberDto,
    @Client() client: ClientContext,
  ): Promise<MemberDto> {
    return this.members.changeRole(principal, org, userId, body.role, actorOf(principal, client));
  }

  @Delete(':userId')
  @ApiParam({ name: 'userId', format: 'uuid' })
  @HttpCode(204)
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'removeOrgMember',
    summary: 'Remove a member (admin+; owners by an owner), or leave',
    description:
      'The member loses the organization on every instance at its next request. The last owner cannot leave (409).',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The last owner', type: ErrorResponseDto })
  async remove(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.members.remove(principal, org, userId, actorOf(principal, client));
  }
}
