import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * A known path asked with a method it does not take is 405 with `Allow` (RFC 9110 §15.5.6),
 * not 404: the routes are collected as they are registered, and only a request that found no
 * route is compared with them, so that routed requests pay nothing.
 */
export function answerUnknownMethodsWith405(fastify: FastifyInstance): void {
  const paths = new Map<string, KnownPath>();
  fastify.addHook('onRoute', (route) => {
    // Wildcards (CORS preflights) match every path: they say nothing of one.
    if (route.url.includes('*')) return;
    let known = paths.get(route.url);
    if (!known) {
      known = { pattern: patternOf(route.url), methods: new Set() };
      paths.set(route.url, known);
    }
    for (const method of [route.method].flat()) known.methods.add(method.toUpperCase());
  });
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (!request.is404) return done();
    const path = request.url.split('?', 1)[0];
    const allowed = new Set<string>();
    for (const known of paths.values()) {
      if (known.pattern.test(path)) for (const method of known.methods) allowed.add(method);
    }
    if (allowed.size === 0) return done();
    const allow = [...allowed].sort().join(', ');
    void reply
      .status(405)
      .header('allow', allow)
      .send({
        statusCode: 405,
        error: 'Method Not Allowed',
        message: `${request.method} is not allowed here; allowed: ${allow}`,
      });
  });
}

/** `/api/v1/tokens/:id` as a regular expression of the paths it routes. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}
