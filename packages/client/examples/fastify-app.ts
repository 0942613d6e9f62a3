import Fastify, { type FastifyInstance } from 'fastify';
import type { TesseraClient } from '@tessera/client';
import { tesseraPlugin } from '@tessera/client/fastify';

/** The same projects API in Fastify: one plugin, each route's needs in its config. */
export async function projectsApi(client: TesseraClient): Promise<FastifyInstance> {
  const app = Fastify({ trustProxy: '127.0.0.1' });
  await app.register(tesseraPlugin, { client, scopes: ['projects:read'] });

  app.get('/projects', (request, reply) =>
    reply.send({ owner: request.tessera?.userId ?? request.tessera?.orgId, projects: [] }),
  );

  app.post(
    '/orgs/:org/projects',
    { config: { tessera: { scopes: ['projects:write'], org: { param: 'org', role: 'admin' } } } },
    (request, reply) => reply.code(201).send({ org: request.tessera?.org }),
  );

  app.get('/health', { config: { tessera: false } }, (_request, reply) => reply.send({ ok: true }));
  return app;
}

declare module 'fastify' {
  interface FastifyRequest {
    tessera?: import('@tessera/client').TesseraPrincipal | null;
  }
}
