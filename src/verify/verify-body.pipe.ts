import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isIP } from 'node:net';
import { MAX_SCOPES, SCOPE_SHAPE, SCOPE_SHAPE_MESSAGE } from './verify.dto.js';

/** A verification request, checked: what {@link VerifyDto} describes. */
export interface VerifyInput {
  token: string;
  scopes?: string[];
  clientIp?: string;
}

const FIELDS = new Set(['token', 'scopes', 'clientIp']);
const MAX_TOKEN = 4096;

/**
 * The body of `POST /verify`, checked by hand to the rules {@link VerifyDto} declares (and with
 * the messages class-validator would give): the route other services call on every request
 * should not pay for class-transformer and class-validator on three fields. Being typed by an
 * interface, the parameter is left alone by the global ValidationPipe.
 */
@Injectable()
export class VerifyBodyPipe implements PipeTransform<unknown, VerifyInput> {
  transform(value: unknown): VerifyInput {
    // The global text pipe has refused anything but an object; no body at all is an empty one.
    const body = (value ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    for (const key in body) {
      if (!FIELDS.has(key)) problems.push(`property ${key} should not exist`);
    }
    const { token, scopes, clientIp } = body;
    if (typeof token !== 'string') {
      problems.push(
        `token must be shorter than or equal to ${MAX_TOKEN} characters`,
        'token must be a string',
      );
      if (token === undefined || token === null) problems.push('token should not be empty');
    } else if (token.length === 0) {
      problems.push('token should not be empty');
    } else if (token.length > MAX_TOKEN && lengthOf(token) > MAX_TOKEN) {
      problems.push(`token must be shorter than or equal to ${MAX_TOKEN} characters`);
    }
    if (scopes !== undefined) {
      if (!Array.isArray(scopes)) {
        problems.push(
          'scopes must be an array',
          `scopes must contain no more than ${MAX_SCOPES} elements`,
        );
      } else {
        if (scopes.length > MAX_SCOPES) {
          problems.push(`scopes must contain no more than ${MAX_SCOPES} elements`);
        }
        if (scopes.some((scope) => typeof scope !== 'string')) {
          problems.push('each value in scopes must be a string');
        }
        if (scopes.some((scope) => typeof scope !== 'string' || !SCOPE_SHAPE.test(scope))) {
          problems.push(SCOPE_SHAPE_MESSAGE);
        }
      }
    }
    if (clientIp !== undefined && (typeof clientIp !== 'string' || isIP(clientIp) === 0)) {
      problems.push('clientIp must be an ip address');
    }
    if (problems.length > 0) throw new BadRequestException(problems);
    return body as unknown as VerifyInput;
  }
}

/**
 * A length as class-validator's MaxLength counts it (validator.js `isLength`): a surrogate pair
 * and a variation selector count for nothing extra.
 */
function lengthOf(text: string): number {
  const selectors = text.match(/\uFE0F|\uFE0E/g)?.length ?? 0;
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - selectors - pairs;
}
