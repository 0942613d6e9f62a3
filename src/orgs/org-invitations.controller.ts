import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationListDto,
  MembershipDto,
} from './dto/invitation.dto.js';
import { OrgInvitationsService } from './org-invitations.service.js';
import { ORG_PARAM } from './orgs.controller.js';

@ApiTags('orgs')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@ApiParam(ORG_PARAM)
@Controller('orgs/:org/invitations')
export class OrgInvitationsController {
  constructor(private readonly invitations: OrgInvitationsService) {}

  @Post()
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'createOrgInvitation',
    summary: 'Invite an email into an organization (admin+; owners by an owner)',
    description:
      'Mails a single-use link to /console/invitations#token=…, valid INVITATION_DAYS. A new invitation for the same email replaces the pending one.',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The email belongs to a member', type: ErrorResponseDto })
  invite(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Body() body: CreateInvitationDto,
    @Client() client: ClientContext,
  ): Promise<InvitationDto> {
    return this.invitations.invite(principal, org, body, actorOf(principal, client));
  }

  @Get()
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'listOrgInvitations',
    summary: "An organization's pending invitations (admin+)",
  })
  @ApiOkResponse({ type: InvitationListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  list(@Principal() principal: AuthPrincipal, @Param('org') org: string) {
    return this.invitations.list(principal, org);
  }

  @Delete(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @HttpCode(204)
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'withdrawOrgInvitation',
    summary: 'Withdraw a pending invitation (admin+): its link stops working',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async withdraw(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.invitations.withdraw(principal, org, id, actorOf(principal, client));
  }
}

@ApiTags('orgs')
@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(private readonly invitations: OrgInvitationsService) {}

  @Post('accept')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'acceptOrgInvitation',
    summary: 'Accept an invitation as the signed-in user it names',
    description:
      '400 for an unknown, used, withdrawn or expired link; 403 when signed in with another email; 409 for a member already.',
  })
  @ApiOkResponse({ type: MembershipDto })
  @ApiBadRequestResponse({
    description: 'Invalid input, or an invitation link that is invalid, used or expired',
    type: ErrorResponseDto,
  })
  @ApiConflictResponse({ description: 'A member already', type: ErrorResponseDto })
  accept(
    @Principal() principal: AuthPrincipal,
    @Body() body: AcceptInvitationDto,
    @Client() client: ClientContext,
  ): Promise<MembershipDto> {
    return this.invitations.accept(principal, body.token, actorOf(principal, client));
  }
}
