import type {
  OpenAPIObject,
  OperationObject,
  RequestBodyObject,
  ResponseObject,
  SecurityRequirementObject,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';

/**
 * Examples that work when executed from the OpenAPI UI, and error examples with the answer's
 * real shape and message. Each error message here is the one the service sends (the e2e
 * OpenAPI test sends the documented requests and compares).
 */

/** Request bodies that succeed as given from a new user's Authorize session on this machine. */
const REQUEST_EXAMPLES: Record<string, unknown> = {
  // One lifetime field (expiresInDays and expiresAt together are 400), no allowlist (one naming
  // other addresses makes the token useless from here), a scope every user holds.
  createToken: { name: 'CI deploys', scopes: ['tokens:read'], expiresInDays: 90 },
  register: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' },
  login: { email: 'ada@example.com', password: 'correct horse battery' },
  rotateToken: { gracePeriodSeconds: 3600 },
  updateToken: { name: 'CI deploys (staging)' },
  requestPasswordReset: { email: 'ada@example.com' },
};

/** The message the service answers with, by status; `{scope}` is the route's first scope. */
const MESSAGES: Record<string, string> = {
  400: 'property color should not exist',
  401: 'The access token is invalid, expired or revoked',
  403: 'This action needs the "{scope}" scope',
  413: 'Request body is too large',
  415: 'Unsupported content type',
  422: 'This Idempotency-Key was used with a different request body',
  429: 'Rate limit of this API token exceeded; try again later',
  503: 'Service Unavailable',
};

/** Where a route answers otherwise: `operationId status`. */
const OPERATION_MESSAGES: Record<string, string> = {
  'login 401': 'Invalid email or password',
  'register 409': 'An account with this email already exists',
  'createToken 409': 'You have 20 active API tokens, the most allowed (20); revoke one first',
  'rotateToken 409': 'This API token was already rotated and cannot be rotated',
  'updateToken 409': 'An expired API token cannot be changed',
  'getCurrentToken 400': 'This request was made with a session token, not an API token',
  'confirmPasswordReset 400': 'This password-reset link is invalid or has expired',
  'changePassword 400': 'The current password is not correct',
  'purge 409': 'Not started: purge-tokens is running on another instance; try again when it ends',
  'runJob 409': 'Not started: purge-tokens is running on another instance; try again when it ends',
};

/** Public routes throttled per client address answer 429 with this. */
const THROTTLED = 'Too many attempts; try again later';

const NOT_FOUND: [RegExp, string][] = [
  [/\/sessions\//, 'Session not found'],
  [/\/jobs\//, 'Job not found'],
  [/\/users\//, 'User not found'],
  [/\/tokens\//, 'API token not found'],
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function addExamples(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      orderSecurity(operation);
      addRequestExample(operation);
      addErrorExamples(path, operation);
    }
  }
  return document;
}

/**
 * Swagger UI applies every authorized scheme a route lists, in order, each setting the
 * Authorization header: the last one wins. With the API token scheme last, a token pasted
 * there is the one sent even while an Authorize session exists.
 */
function orderSecurity(operation: OperationObject): void {
  const rank = (requirement: SecurityRequirementObject) => ('bearer' in requirement ? 1 : 0);
  operation.security?.sort((a, b) => rank(a) - rank(b));
}

function addRequestExample(operation: OperationObject): void {
  const example = REQUEST_EXAMPLES[operation.operationId ?? ''];
  const body = operation.requestBody as RequestBodyObject | undefined;
  const media = body?.content['application/json'];
  if (example && media) media.example = example;
}

function addErrorExamples(path: string, operation: OperationObject): void {
  const id = operation.operationId ?? '';
  const secured = Boolean(operation.security?.length);
  const scope = operation.security?.find((r) => r.bearer)?.bearer?.[0] ?? '';
  for (const [status, response] of Object.entries(operation.responses) as [
    string,
    ResponseObject,
  ][]) {
    const media = response.content?.['application/json'];
    if (!/^[45]/.test(status) || !media || media.example !== undefined) continue;
    const message =
      OPERATION_MESSAGES[`${id} ${status}`] ??
      (status === '404' ? NOT_FOUND.find(([re]) => re.test(path))?.[1] : undefined) ??
      (status === '429' && !secured ? THROTTLED : undefined) ??
      MESSAGES[status]?.replace('{scope}', scope) ??
      response.description;
    const statusCode = Number(status);
    if (id === 'tokenGrant' && status === '400') {
      // RFC 6749 §5.2 inside the usual shape; a wrong password is invalid_grant too.
      media.example = {
        statusCode,
        error: 'invalid_grant',
        message: 'Invalid email or password',
        error_description: 'Invalid email or password',
      };
      continue;
    }
    media.example = {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: status === '400' && !OPERATION_MESSAGES[`${id} ${status}`] ? [message] : message,
    };
  }
}
