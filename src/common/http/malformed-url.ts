import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors/http-exception.filter.js';

/**
 * A percent escape in the path or query that does not decode to UTF-8 (`%ff`, `%ed%a0%80`) is
 * 400. Left alone, the query parser would pass it on as U+FFFD and a value other than the one
 * sent would be stored or searched for.
 */
export function rejectMalformedUrl(
  request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
): void {
  const url = request.raw.url ?? '';
  if (!url.includes('%')) return done();
  try {
    decodeURIComponent(url.replaceAll('+', ' '));
  } catch {
    void reply.status(400).send(errorBody(400, 'The URL has an escape that is not UTF-8'));
    return;
  }
  done();
}
