import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ONLY_SCOPES, SCOPES, SCOPE_DESCRIPTIONS } from '../common/auth/scopes.js';

@ApiTags('tokens')
@Controller('scopes')
export class ScopesController {
  @Get()
  @ApiOperation({ summary: 'Every scope an API token can hold' })
  @ApiOkResponse({
    schema: {
      example: [
        { name: 'tokens:read', description: 'List and read your API tokens', adminOnly: false },
      ],
    },
  })
  list() {
    return SCOPES.map((name) => ({
      name,
      description: SCOPE_DESCRIPTIONS[name],
      adminOnly: ADMIN_ONLY_SCOPES.includes(name),
    }));
  }
}
