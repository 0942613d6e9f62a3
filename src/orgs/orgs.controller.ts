import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import { CreateOrgDto, OrgDto, OrgListDto, UpdateOrgDto } from './dto/org.dto.js';
import { SLUG_INPUT } from './org-slug.js';
import { OrgsService } from './orgs.service.js';

export const ORG_PARAM = {
  name: 'org',
  description: "The organization's id or slug (any case)",
  example: 'acme',
  schema: { type: 'string', pattern: SLUG_INPUT.source },
} as const;

@ApiTags('orgs')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Post()
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'createOrg',
    summary: 'Create an organization',
    description: 'The caller becomes its first owner.',
  })
  @ApiCreatedResponse({ type: OrgDto })
  @ApiConflictResponse({ description: 'The slug is in use', type: ErrorResponseDto })
  create(
    @Principal() principal: AuthPrincipal,
    @Body() body: CreateOrgDto,
    @Client() client: ClientContext,
  ): Promise<OrgDto> {
    return this.orgs.create(principal, body, actorOf(principal, client));
  }

  @Get()
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'listOrgs',
    summary: "The caller's organizations, each with the caller's role",
  })
  @ApiOkResponse({ type: OrgListDto })
  list(@Principal() principal: AuthPrincipal): Promise<OrgListDto> {
    return this.orgs.listMine(principal);
  }

  @Get(':org')
  @ApiParam(ORG_PARAM)
  @Authenticated({ scopes: ['tokens:read'] })
  @ApiOperation({
    operationId: 'getOrg',
    summary: 'One organization of the caller',
  })
  @ApiOkResponse({ type: OrgDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Principal() principal: AuthPrincipal, @Param('org') org: string): Promise<OrgDto> {
    return this.orgs.get(principal, org);
  }

  @Patch(':org')
  @ApiParam(ORG_PARAM)
  @Authenticated({ scopes: ['tokens:write'] })
  @ApiOperation({
    operationId: 'updateOrg',
    summary: 'Rename an organization or replace its policy (admin+)',
    description: 'A policy replaces the previous one whole; `{}` clears it.',
  })
  @ApiOkResponse({ type: OrgDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Body() body: UpdateOrgDto,
    @Client() client: ClientContext,
  ): Promise<OrgDto> {
    return this.orgs.update(principal, org, body, actorOf(principal, client));
  }

  @Delete(':org')
  @ApiParam(ORG_PARAM)
  @HttpCode(204)
  @Authenticated({ scopes: ['tokens:write'], stepUp: true })
  @ApiOperation({
    operationId: 'deleteOrg',
    summary: 'Delete an organization (owner)',
    description: 'Revokes every org token and ends every membership.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(
    @Principal() principal: AuthPrincipal,
    @Param('org') org: string,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.orgs.delete(principal, org, actorOf(principal, client));
  }
}
