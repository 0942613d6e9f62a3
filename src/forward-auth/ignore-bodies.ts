import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * An `onRequest` hook that makes the route at `url` (its full path) bodiless: whatever
 * body and content type a proxy forwards, nothing parses it, so nothing about it can turn the
 * answer into a 400, 413 or 415. Node discards the unread body once the reply is sent.
 */
export function ignoreBodiesOn(url: string) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.routeOptions.url === url) {
      // What Fastify reads to decide whether there is a body to parse.
      const headers = request.raw.headers;
      delete headers['content-type'];
      delete headers['content-length'];
      delete headers['transfer-encoding'];
    }
    done();
  };
}
