/**
 * Errors the rules raise. Services throw these; one filter maps them to HTTP so that services
 * never speak HTTP themselves.
 */
export const ERROR_STATUS = {
  BadRequest: 400,
  InvalidCredentials: 401,
  InvalidToken: 401,
  MissingToken: 401,
  InsufficientUserAuthentication: 401,
  InsufficientScope: 403,
  Forbidden: 403,
  MfaEnrollmentRequired: 403,
  NotFound: 404,
  EmailTaken: 409,
  TokenLimitReached: 409,
  TokenNotActive: 409,
  TokenNameTaken: 409,
  LastAdmin: 409,
  LastOwner: 409,
  OrgSlugTaken: 409,
  AlreadyMember: 409,
  IdempotencyKeyInUse: 409,
  JobRunning: 409,
  FactorConflict: 409,
  IdempotencyKeyReused: 422,
  RateLimited: 429,
  Unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers (rate limits, RFC 6750 challenges). */
    readonly headers: Record<string, string> = {},
    /** Extra body fields, e.g. the RFC 6749 `error` code of the OAuth endpoint. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const REALM = 'tessera';

/** RFC 6750 §3: the challenge sent with every 401 and with 403 for a missing scope. */
export function bearerChallenge(error?: 'invalid_token' | 'insufficient_scope', scope?: string) {
  let value = `Bearer realm="${REALM}"`;
  if (error) value += `, error="${error}"`;
  if (scope) value += `, scope="${scope}"`;
  return value;
}

export const invalidToken = (message = 'The access token is invalid, expired or revoked') =>
  new DomainError('InvalidToken', message, {
    'WWW-Authenticate': bearerChallenge('invalid_token'),
  });

export const missingToken = () =>
  new DomainError('MissingToken', 'Authentication required', {
    'WWW-Authenticate': bearerChallenge(),
  });

export const insufficientScope = (scope: string) =>
  new DomainError('InsufficientScope', `This action needs the "${scope}" scope`, {
    'WWW-Authenticate': bearerChallenge('insufficient_scope', scope),
  });

export const notFound = (what: string) => new DomainError('NotFound', `${what} not found`);

/** RFC 6749 §5.2 error of the token endpoint, inside the usual error shape. */
export const oauthError = (
  error: 'invalid_request' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type',
  description: string,
) => new DomainError('BadRequest', description, {}, { error, error_description: description });
