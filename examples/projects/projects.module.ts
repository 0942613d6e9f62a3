import { Body, Controller, Get, Injectable, Module, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Authenticated, Principal } from '../../src/common/auth/authenticated.decorator.js';
import { type AuthPrincipal, userIdOf } from '../../src/common/auth/principal.js';

/**
 * A module of a team's own API, guarded by Tessera: each route names the scope it needs, and
 * the scopes are declared (with the roles that may hold them) in ./policy.json. Served under
 * /api/v1 beside Tessera's routes; see the README, "Guard your own API".
 */

export class CreateProjectDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;
}

/** Kept in memory: the example is about the guard, not the storage. */
@Injectable()
export class ProjectsService {
  private readonly projects: ProjectDto[] = [];

  listFor(userId: string): ProjectDto[] {
    return this.projects.filter((project) => project.ownerId === userId);
  }

  create(userId: string, name: string): ProjectDto {
    const project = { id: randomUUID(), name, ownerId: userId };
    this.projects.push(project);
    return project;
  }
}

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Authenticated({ scopes: ['projects:read'] })
  @ApiOkResponse({ type: ProjectDto, isArray: true })
  list(@Principal() principal: AuthPrincipal): ProjectDto[] {
    return this.projects.listFor(userIdOf(principal));
  }

  @Post()
  @Authenticated({ scopes: ['projects:write'] })
  @ApiCreatedResponse({ type: ProjectDto })
  create(@Principal() principal: AuthPrincipal, @Body() body: CreateProjectDto): ProjectDto {
    return this.projects.create(userIdOf(principal), body.name);
  }

  /** Only admins may hold billing:manage (its `roles` in the policy file). */
  @Get('billing')
  @Authenticated({ scopes: ['billing:manage'] })
  @ApiOkResponse({ schema: { example: { plan: 'team', seats: 10 } } })
  billing(): { plan: string; seats: number } {
    return { plan: 'team', seats: 10 };
  }
}

@Module({ controllers: [ProjectsController], providers: [ProjectsService] })
export class ProjectsModule {}
