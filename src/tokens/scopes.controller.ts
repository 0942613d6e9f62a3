import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES, type Role } from '../common/auth/scopes.js';
import { ScopeRegistry } from '../policy/scope-registry.js';

export class ScopeDto {
  @ApiProperty({ example: 'tokens:read' })
  name: string;

  @ApiProperty({ example: 'List and read your API tokens' })
  description: string;

  @ApiProperty({ description: 'Only admins may hold or grant it' })
  adminOnly: boolean;

  @ApiProperty({ description: 'The roles that may hold it', enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ description: "Tessera's own, or declared in the deployment's policy file" })
  builtIn: boolean;
}

@ApiTags('tokens')
@Controller('scopes')
export class ScopesController {
  constructor(private readonly registry: ScopeRegistry) {}

  @Get()
  @ApiOperation({
    summary: "Every scope an API token can hold: the built-in ones, then the policy file's",
  })
  @ApiOkResponse({ type: ScopeDto, isArray: true })
  list(): ScopeDto[] {
    return this.registry.all().map((scope) => ({
      name: scope.name,
      description: scope.description,
      adminOnly: scope.adminOnly,
      roles: [...scope.roles],
      builtIn: scope.builtIn,
    }));
  }
}
