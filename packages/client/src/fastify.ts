import type { TesseraPrincipal } from './decision.js';
import { judge, type GuardOptions } from './guard.js';

/** The parts of a Fastify request the plugin reads. */
interface FastifyLikeRequest {
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  params: unknown;
  routeOptions?: { config?: { tessera?: RouteTessera } };
  tessera?: TesseraPrincipal | null;
}

interface FastifyLikeReply {
  headers(values: Record<string, string>): FastifyLikeReply;
  code(status: number): FastifyLikeReply;
  send(body: unknown): FastifyLikeReply;
}

interface FastifyLikeInstance {
  decorateRequest(name: string, value: unknown): unknown;
  hasRequestDecorator(name: string): boolean;
  addHook(
    name: 'onRequest',
    hook: (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown>,
  ): unknown;
}

/** A route's own needs, in its `config.tessera`: `false` leaves it unguarded. */
export type RouteTessera = false | Pick<GuardOptions, 'scopes' | 'org'>;

export type TesseraFastifyOptions = GuardOptions;

/**
 * Fastify plugin: guards every route of the context it is registered in (not encapsulated, as
 * with fastify-plugin) with `scopes` and `org`, or with what a route's `config.tessera` says.
 * A request let through has its principal on `request.tessera`; a refused one gets 401, 403,
 * 429 (or 503 when Tessera cannot be asked) as Tessera itself would answer.
 */
export function tesseraPlugin(
  instance: FastifyLikeInstance,
  options: TesseraFastifyOptions,
  done: (error?: Error) => void,
): void {
  // Registered in several contexts (each with its own options), it decorates only once.
  if (!instance.hasRequestDecorator('tessera')) instance.decorateRequest('tessera', null);
  instance.addHook('onRequest', async (request, reply) => {
    const own = request.routeOptions?.config?.tessera;
    if (own === false) return;
    const route = own ? { ...options, ...own } : options;
    const decision = await judge(
      route,
      request.headers.authorization,
      request.ip,
      request.params as Record<string, unknown> | undefined,
    );
    reply.headers(decision.headers);
    if (decision.allowed) {
      request.tessera = decision.principal;
      return;
    }
    return reply.code(decision.status).send(decision.body);
  });
  done();
}

// What fastify-plugin does: the hook applies to the context the plugin is registered in.
Object.assign(tesseraPlugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@tessera/client',
});

export type { TesseraPrincipal } from './decision.js';
