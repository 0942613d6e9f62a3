import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { PageQuery } from '../common/http/page-query.dto.js';
import { AdminOrgPageDto } from './dto/org.dto.js';
import { OrgsService } from './orgs.service.js';

@ApiTags('admin')
@ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
@Authenticated({ scopes: ['admin'] })
@Controller('admin/orgs')
export class AdminOrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  @ApiOperation({
    operationId: 'adminListOrgs',
    summary: 'Every organization, newest first, with its member count',
  })
  @ApiOkResponse({ type: AdminOrgPageDto })
  list(@Query() query: PageQuery): Promise<AdminOrgPageDto> {
    return this.orgs.listAll(query);
  }
}
