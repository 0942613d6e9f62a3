import { RouteSchema } from '@nestjs/platform-fastify';

/** A JSON Schema of what a hot route answers, as Fastify's compiled serializer reads it. */
export interface ResponseShape {
  type: 'object';
  properties: Record<
    string,
    { type: string | readonly string[]; items?: { type: string } | ResponseShape } | ResponseShape
  >;
}

/**
 * Fastify serializes the route's 200 answer with a serializer compiled from `shape`
 * (fast-json-stringify) instead of `JSON.stringify`: for the routes every request of a client
 * may hit. A property missing from `shape` is left out of the answer, so the shape must list
 * every property of the DTO (a test compares each one with the route's OpenAPI schema).
 */
export function SerializedAs(shape: ResponseShape) {
  return RouteSchema({ response: { 200: shape } });
}

export const STRING = { type: 'string' } as const;
export const NULLABLE_STRING = { type: ['string', 'null'] } as const;
export const NULLABLE_INTEGER = { type: ['integer', 'null'] } as const;
export const STRINGS = { type: 'array', items: { type: 'string' } } as const;
