import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SessionsModule } from '../sessions/sessions.module.js';
import { BrowserSessionController } from './browser-session.controller.js';
import { CONSOLE_CSP } from './console-csp.js';
import { defaultConsoleDir, loadConsoleAssets, type Asset } from './console-assets.js';
import { CsrfGuard } from './csrf.guard.js';

export const CONSOLE_PATH = '/console';

/**
 * The web console at /console (a single-page app built into dist/console by `npm run build`)
 * and the browser-session routes it signs in with. `/` redirects to it.
 */
@Module({
  imports: [SessionsModule],
  controllers: [BrowserSessionController],
  providers: [CsrfGuard],
})
export class ConsoleModule implements OnModuleInit {
  private readonly logger = new Logger(ConsoleModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const assets = loadConsoleAssets(defaultConsoleDir());
    if (assets.size === 0) {
      this.logger.warn('The console is not built (npm run build): /console answers 404');
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Plain Fastify routes: outside the API prefix, no JSON, no bearer guard.
    fastify.get('/', (_request, reply) => reply.redirect(`${CONSOLE_PATH}/`, 302));
    const serve = (request: FastifyRequest, reply: FastifyReply) =>
      serveConsole(assets, request, reply);
    fastify.get(CONSOLE_PATH, serve);
    fastify.get(`${CONSOLE_PATH}/*`, serve);
  }
}

function serveConsole(assets: Map<string, Asset>, request: FastifyRequest, reply: FastifyReply) {
  // Only names of the build are looked up: no decoding, no file system path.
  const path = request.url.split('?')[0].slice(CONSOLE_PATH.length + 1);
  // A file of the build, or else (a page path such as /console/reset-password) the app itself.
  const asset =
    assets.get(path) ?? (path.startsWith('assets/') ? undefined : assets.get('index.html'));
  if (!asset) {
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send({ statusCode: 404, error: 'Not Found', message: `Cannot GET ${CONSOLE_PATH}/${path}` });
  }
  void reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('cache-control', 'no-cache')
    .header('etag', asset.etag)
    .type(asset.type);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.send(asset.body);
}
