import { Controller, Get, HttpCode, Module, Post, UseGuards } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { TesseraClient, TesseraPrincipal } from '@tessera/client';
import {
  RequireOrg,
  RequireScopes,
  Tessera,
  TesseraGuard,
  tesseraClientProvider,
} from '@tessera/client/nest';

/** The same projects API as a NestJS controller. */
@Controller()
@UseGuards(TesseraGuard)
export class ProjectsController {
  @Get('projects')
  @RequireScopes('projects:read')
  list(@Tessera() caller: TesseraPrincipal) {
    return { owner: caller.userId ?? caller.orgId, projects: [] };
  }

  @Post('orgs/:org/projects')
  @HttpCode(201)
  @RequireScopes('projects:write')
  @RequireOrg('org', 'admin')
  create(@Tessera() caller: TesseraPrincipal) {
    return { org: caller.org };
  }
}

/** The application's module: the client, made once, is what the guard asks. */
export function projectsModule(client: TesseraClient) {
  @Module({ controllers: [ProjectsController], providers: [tesseraClientProvider(client)] })
  class ProjectsModule {}
  return ProjectsModule;
}

/** Or guard every route of the application, leaving some out with @TesseraPublic(). */
export const guardEverything = { provide: APP_GUARD, useClass: TesseraGuard };
