import { registerDecorator, type ValidationOptions } from 'class-validator';
import { canonicalAllowedIp } from '../ip-allowlist.js';

/** The bounds the token inputs share: lifetimes, grace periods, scope lists, allowlists, rates. */

export const MAX_LIFETIME_DAYS = 3650;
export const MAX_GRACE_SECONDS = 604_800;
export const NOT_BLANK = /\S/;
/**
 * Scope lists are checked against the deployment's scopes (built-in and the policy file's) by
 * the service, which has them; the OpenAPI document lists them as the enum (see openapi.ts).
 */
export const MAX_SCOPES = 100;
export const MAX_SCOPE_LENGTH = 100;
/** OpenAPI has no format for "an address or a CIDR block"; this one names exactly that. */
export const IP_OR_CIDR = { type: 'string', format: 'ip-or-cidr', maxLength: 64 } as const;

/** An IPv4 or IPv6 address, or a CIDR block of either. */
export function IsAllowedIp(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isAllowedIp',
      target: target.constructor,
      propertyName: property,
      options: {
        message: `each value in ${property} must be an IPv4 or IPv6 address or CIDR block`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 64 && canonicalAllowedIp(value) !== null,
      },
    });
}

/** The most a token's own limit may say; the server's own limit caps it further (400 above). */
export const MAX_RATE = 1_000_000_000;
