import type { Verification } from './types.js';

/**
 * One place deciding what a guarded request gets from a `/verify` answer, shared by the
 * Express, Fastify and NestJS middleware: the statuses and headers Tessera's own routes and
 * forward auth send.
 */

export type OrgRole = 'member' | 'admin' | 'owner';

/** An organization's route: the credential must belong to the org named in the path. */
export interface OrgRequirement {
  /** The org as the path names it: its id or its slug (any case). */
  ref: string;
  /** The least role a user needs in it (default `member`); an org token of it always passes. */
  role?: OrgRole;
}

/** What the middleware puts on the request (`req.tessera`). */
export type TesseraPrincipal = Verification & {
  valid: true;
  /** On an organization's route: the organization and the credential's role in it. */
  org?: { id: string; role: OrgRole | 'service' };
};

export type Decision =
  | { allowed: true; principal: TesseraPrincipal; headers: Record<string, string> }
  | {
      allowed: false;
      status: 401 | 403 | 429 | 503;
      headers: Record<string, string>;
      body: { statusCode: number; error: string; message: string };
    };

const REALM = 'tessera';
const ROLES: readonly OrgRole[] = ['member', 'admin', 'owner'];

/** RFC 6750 §3, as Tessera words it. */
export function challenge(error?: 'invalid_token' | 'insufficient_scope', scope?: string): string {
  let value = `Bearer realm="${REALM}"`;
  if (error) value += `, error="${error}"`;
  if (scope) value += `, scope="${scope}"`;
  return value;
}

/**
 * The credential of an `Authorization` header: `Bearer <x>`, or `Token <x>` (the Django REST
 * framework and Laravel convention), scheme in any case, as Tessera reads it. Undefined when
 * none was offered (no header, another scheme); null when Bearer or Token is not followed by
 * exactly one credential.
 */
export function credentialOf(
  authorization: string | string[] | undefined,
): string | null | undefined {
  if (typeof authorization !== 'string') return undefined;
  const value = authorization.trim();
  const [, scheme, rest] = /^(\S*)(.*)$/s.exec(value)!;
  if (!/^(?:bearer|token)$/i.test(scheme)) return undefined;
  return /^ +(\S+)$/.exec(rest)?.[1] ?? null;
}

/**
 * The decision for a request from its `Authorization` header alone, when it settles it (no
 * credential, or an unreadable one); undefined when Tessera must be asked about `credential`.
 */
export function beforeAsking(credential: string | null | undefined): Decision | undefined {
  if (credential === undefined) return missingCredential();
  if (credential === null) return invalid({});
  return undefined;
}

/** No credential came along: 401 with the bare challenge. */
export function missingCredential(): Decision {
  return refuse(401, 'Unauthorized', 'Authentication required', {
    'WWW-Authenticate': challenge(),
  });
}

/** Tessera could not be asked: fail closed. */
export function unavailable(retryAfter?: number): Decision {
  return refuse(
    503,
    'Service Unavailable',
    'Authentication is unavailable; try again shortly',
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
  );
}

/**
 * The answer to a request carrying a credential, given Tessera's verification of it against
 * `scopes` and, on an organization's route, `org`.
 */
export function decide(
  answer: Verification,
  scopes: readonly string[] = [],
  org?: OrgRequirement,
  now = Date.now(),
): Decision {
  const headers: Record<string, string> = {};
  if (answer.rateLimit) {
    // On every answer to an API token, refusals included, as Tessera's guard does.
    headers['RateLimit-Limit'] = String(answer.rateLimit.limit);
    headers['RateLimit-Remaining'] = String(answer.rateLimit.remaining);
    headers['RateLimit-Reset'] = String(answer.rateLimit.reset);
  }
  switch (answer.code) {
    case 'VALID':
      break;
    case 'INSUFFICIENT_SCOPE': {
      const held = answer.scopes ?? [];
      const missing = scopes.find((scope) => !held.includes(scope)) ?? scopes[0];
      return refuse(403, 'Forbidden', `This action needs the "${missing}" scope`, {
        ...headers,
        'WWW-Authenticate': challenge('insufficient_scope', missing),
      });
    }
    case 'RATE_LIMITED':
      return refuse(429, 'Too Many Requests', 'Too many requests for this API token', {
        'Retry-After': String(answer.rateLimit?.reset ?? 1),
        ...headers,
      });
    case 'USAGE_EXCEEDED': {
      const reset = answer.quota?.reset;
      if (reset) {
        headers['Retry-After'] = String(Math.max(1, Math.ceil((Date.parse(reset) - now) / 1000)));
      }
      return refuse(
        429,
        'Too Many Requests',
        reset
          ? 'The usage quota of this API token is spent for this period'
          : 'The usage quota of this API token is spent, and a lifetime quota does not start over',
        headers,
      );
    }
    case 'MFA_ENROLLMENT_REQUIRED':
      // An admin's session that must enroll a second factor first: Tessera's own 403.
      return refuse(
        403,
        'Forbidden',
        'mfa_enrollment_required: admins must enroll a second factor (TOTP or a passkey) first',
        headers,
      );
    case 'IP_NOT_ALLOWED':
      return refuse(401, 'Unauthorized', 'This API token is not allowed from this address', {
        ...headers,
        'WWW-Authenticate': challenge('invalid_token'),
      });
    default:
      // NOT_FOUND, EXPIRED, REVOKED, USER_DISABLED: one answer, so a caller learns nothing more.
      return refuse(401, 'Unauthorized', 'The access token is invalid, expired or revoked', {
        ...headers,
        'WWW-Authenticate': challenge('invalid_token'),
      });
  }
  if (!answer.valid) return invalid(headers);
  const principal = answer as TesseraPrincipal;
  if (org) {
    const standing = standingIn(answer, org);
    if (!standing) {
      return refuse(
        403,
        'Forbidden',
        'This route belongs to an organization this credential is not part of, or needs a higher role in it',
        headers,
      );
    }
    principal.org = standing;
  }
  return { allowed: true, principal, headers };
}

/**
 * Forward auth's rule for an `{org}` route: an org token of that org, or a user holding at
 * least `role` in it (by id or slug, any case).
 */
function standingIn(
  answer: Verification,
  org: OrgRequirement,
): { id: string; role: OrgRole | 'service' } | undefined {
  const ref = org.ref.toLowerCase();
  if (answer.orgId !== undefined) {
    const own = ref === answer.orgId || ref === answer.orgSlug;
    return own ? { id: answer.orgId, role: 'service' } : undefined;
  }
  const membership = answer.orgs?.find((each) => each.id === ref || each.slug === ref);
  const needed = ROLES.indexOf(org.role ?? 'member');
  if (!membership || ROLES.indexOf(membership.role) < needed) return undefined;
  return { id: membership.id, role: membership.role };
}

function invalid(headers: Record<string, string>): Decision {
  return refuse(401, 'Unauthorized', 'The access token is invalid, expired or revoked', {
    ...headers,
    'WWW-Authenticate': challenge('invalid_token'),
  });
}

function refuse(
  status: 401 | 403 | 429 | 503,
  error: string,
  message: string,
  headers: Record<string, string>,
): Decision {
  return { allowed: false, status, headers, body: { statusCode: status, error, message } };
}
