import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { MAX_JSON_DEPTH, decodeUtf8, illFormedText, jsonTooDeep } from '../validation/text.js';

type Done = (error: Error | null, body?: unknown) => void;

const NOT_UTF8 = 'Request body must be UTF-8';

/**
 * The two body types the API reads, parsed strictly before anything else sees them: bytes that
 * are not UTF-8, nesting deeper than MAX_JSON_DEPTH (checked on the raw text, before the parser
 * and class-transformer recurse into it), lone surrogates, NUL, and a body that is not an
 * object are all 400 in the usual error shape.
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
    void parseJson(request as FastifyRequest, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      const problem = checked(value);
      done(problem, problem ? undefined : value);
    });
  });

  app.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit },
    (_request, body: Buffer, done: Done) => {
      const text = decodeUtf8(body);
      if (text === null) return done(new BadRequestException(NOT_UTF8));
      const form = parseForm(text);
      if (form instanceof Error) return done(form);
      const problem = illFormedText(form);
      done(problem ? new BadRequestException(problem) : null, form);
    },
  );

  function checked(value: unknown): Error | null {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return new BadRequestException('Request body must be a JSON object');
    }
    const problem = illFormedText(value);
    return problem ? new BadRequestException(problem) : null;
  }
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
