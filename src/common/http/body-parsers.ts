import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { MAX_JSON_DEPTH, decodeUtf8, jsonTooDeep } from '../validation/text.js';

type Done = (error: Error | null, body?: unknown) => void;

const NOT_UTF8 = 'Request body must be UTF-8';

/**
 * The two body types the API reads, parsed strictly before anything else sees them: bytes that
 * are not UTF-8 and nesting deeper than MAX_JSON_DEPTH (checked on the raw text, before the
 * parser and class-transformer recurse into it) are 400 in the usual error shape. What the
 * parsed text may contain is WellFormedTextPipe's to check, inside the route, so that a route
 * with its own error format (the OAuth token endpoint) answers in it.
 */
export function useStrictBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');

  app.useBodyParser('application/json', { bodyLimit }, (request, body: Buffer, done: Done) => {
    const text = decodeUtf8(body);
    if (text === null) return done(new BadRequestException(NOT_UTF8));
    if (jsonTooDeep(text)) {
      return done(new BadRequestException(`JSON is nested deeper than ${MAX_JSON_DEPTH} levels`));
    }
    void parseJson(request as FastifyRequest, text, done);
  });

  app.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit },
    (_request, body: Buffer, done: Done) => {
      const text = decodeUtf8(body);
      if (text === null) return done(new BadRequestException(NOT_UTF8));
      const form = parseForm(text);
      if (form instanceof Error) return done(form);
      done(null, form);
    },
  );
}

/**
 * `a=1&b=2`, with percent escapes that must decode to UTF-8 (a URLSearchParams would turn a bad
 * escape into U+FFFD silently). A repeated name gives an array, as in a query string.
 */
function parseForm(text: string): Record<string, string | string[]> | Error {
  const form: Record<string, string | string[]> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      return new BadRequestException('Form body has an escape that is not UTF-8');
    }
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') {
      return new BadRequestException('Object contains forbidden prototype property');
    }
    const earlier = form[name];
    if (earlier === undefined) form[name] = value;
    else form[name] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return form;
}
