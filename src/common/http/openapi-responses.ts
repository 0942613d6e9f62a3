import type {
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  PathItemObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';

type Headers = Record<string, HeaderObject>;
type Schemas = Record<string, SchemaObject | ReferenceObject>;

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };
const INTEGER_HEADER = (description: string): HeaderObject => ({
  description,
  schema: { type: 'integer' },
});

export const RATE_LIMIT_HEADERS: Headers = {
  'RateLimit-Limit': INTEGER_HEADER("Requests the calling API token's tightest window allows"),
  'RateLimit-Remaining': INTEGER_HEADER('Requests left in that window'),
  'RateLimit-Reset': INTEGER_HEADER('Seconds until that window has room again'),
};
const RETRY_AFTER: Headers = {
  'Retry-After': INTEGER_HEADER('Seconds to wait before trying again'),
};
const WWW_AUTHENTICATE: Headers = {
  'WWW-Authenticate': {
    description:
      'RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"`',
    schema: { type: 'string' },
  },
};

/**
 * Readable operation ids for client generators (`createToken`, not `TokensController_create`).
 * A method not listed here gets `<method><Resource>`.
 */
const OPERATION_IDS: Record<string, string> = {
  'AuthController.token': 'tokenGrant',
  'BrowserSessionController.login': 'browserLogin',
  'BrowserSessionController.refresh': 'browserRefresh',
  'BrowserSessionController.logout': 'browserLogout',
  'AuthController.me': 'getMe',
  'AuthController.whoami': 'whoami',
  'AuthController.register': 'register',
  'AuthController.login': 'login',
  'AuthController.refresh': 'refresh',
  'AuthController.logout': 'logout',
  'AuthController.logoutAll': 'logoutAll',
  'AuthController.changePassword': 'changePassword',
  'PasswordResetController.request': 'requestPasswordReset',
  'PasswordResetController.confirm': 'confirmPasswordReset',
  'TokensController.create': 'createToken',
  'TokensController.list': 'listTokens',
  'TokensController.current': 'getCurrentToken',
  'TokensController.get': 'getToken',
  'TokensController.update': 'updateToken',
  'TokensController.rotate': 'rotateToken',
  'TokensController.revoke': 'revokeToken',
  'TokensController.revokeCurrent': 'revokeCurrentToken',
  'CredentialsController.revoke': 'revokeLeakedCredentials',
  'ScopesController.list': 'listScopes',
  'SessionsController.list': 'listSessions',
  'SessionsController.revoke': 'revokeSession',
  'SessionsController.revokeOthers': 'revokeOtherSessions',
  'IntrospectionController.introspect': 'introspect',
  'VerifyController.verify': 'verifyCredential',
  'ForwardAuthController.check': 'forwardAuth',
  'AdminController.purge': 'purge',
  'AdminController.jobs': 'listJobs',
  'AdminController.runJob': 'runJob',
  'AdminController.jobRuns': 'listJobRuns',
  'AdminController.userTokens': 'listUserTokens',
  'AdminController.revokeToken': 'adminRevokeToken',
  'AdminController.tokens': 'adminListTokens',
  'AdminUsersController.list': 'listUsers',
  'AdminUsersController.get': 'getUser',
  'AdminUsersController.update': 'updateUser',
  'AdminUsersController.logoutAll': 'logoutUser',
  'TokenImportController.import': 'importTokens',
  'AdminController.audit': 'listAuditEvents',
  'MfaController.status': 'getSecondFactors',
  'MfaController.setUp': 'setUpTotp',
  'MfaController.confirm': 'confirmTotp',
  'MfaController.disable': 'disableTotp',
  'MfaController.verify': 'verifySecondFactor',
  'MfaController.mfaPasskeyOptions': 'secondFactorPasskeyOptions',
  'MfaController.stepUp': 'stepUp',
  'MfaController.stepUpPasskeyOptions': 'stepUpPasskeyOptions',
  'PasskeysController.registrationOptions': 'passkeyRegistrationOptions',
  'PasskeysController.register': 'registerPasskey',
  'PasskeysController.list': 'listPasskeys',
  'PasskeysController.rename': 'renamePasskey',
  'PasskeysController.remove': 'deletePasskey',
  'PasskeysController.signInOptions': 'passkeySignInOptions',
  'PasskeysController.signIn': 'passkeyLogin',
  'BrowserMfaController.verify': 'browserVerifySecondFactor',
  'BrowserMfaController.passkeyLogin': 'browserPasskeyLogin',
  'HealthController.live': 'live',
  'HealthController.ready': 'ready',
};

export function operationId(controllerKey: string, methodKey: string): string {
  const named = OPERATION_IDS[`${controllerKey}.${methodKey}`];
  if (named) return named;
  const resource = controllerKey.replace(/Controller$/, '');
  return methodKey + resource.charAt(0).toUpperCase() + resource.slice(1);
}

/**
 * What the HTTP layer itself answers on every route, added to each operation so that the
 * document lists every status a client can get: the strict input rules (400, 413, 415 for
 * bodies, 408 for a body not received in time), a database outage (503), and for every route a
 * credential reaches, the challenge on 401/403 and the API token rate limits (429, and the
 * RateLimit-* headers on answers to API tokens). Request bodies refuse unknown fields
 * (`additionalProperties: false`), as the validation does.
 */
export function completeResponses(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  for (const [path, item] of Object.entries(document.paths)) {
    documentAnyMethodOnce(item);
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(path, operation, schemas);
    }
    if (item.head) item.head = withoutBodies(item.head);
  }
  return document;
}

/** An answer to HEAD has the headers of the GET answer and no body. */
function withoutBodies(operation: OperationObject): OperationObject {
  const responses = Object.fromEntries(
    Object.entries(operation.responses as Record<string, ResponseObject>).map(
      ([status, { content: _content, ...rest }]) => [status, rest],
    ),
  );
  return { ...operation, responses };
}

/**
 * A route that answers every method alike (`@All`, forward auth) is documented under each of
 * the usual methods, so that a client or a fuzzer knows every one of them is answered: GET
 * under the route's own name, the others under that name and the method (`forwardAuthPost`),
 * rather than `…_get`, `…_post`. Not OPTIONS, which the CORS layer answers as a preflight on
 * every route, nor the non-standard SEARCH and QUERY.
 */
function documentAnyMethodOnce(item: PathItemObject): void {
  const get = item.get;
  if (!get?.operationId?.endsWith('_get')) return;
  const name = get.operationId.slice(0, -'_get'.length);
  for (const method of METHODS) {
    const operation = item[method];
    if (operation?.operationId !== `${name}_${method}`) continue;
    operation.operationId =
      method === 'get' ? name : `${name}${method.charAt(0).toUpperCase()}${method.slice(1)}`;
  }
  for (const extra of ['options', 'search', 'query'] as const) {
    const key = extra as keyof PathItemObject;
    if ((item[key] as OperationObject | undefined)?.operationId?.startsWith(name)) {
      delete item[key];
    }
  }
}

/** Answered from memory: no database outage shows on them. */
const NO_DATABASE = new Set(['live', 'listScopes']);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

function errorResponse(description: string, headers?: Headers): ResponseObject {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema: ERROR_SCHEMA } },
  };
}

function completeOperation(path: string, operation: OperationObject, schemas: Schemas): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  responses['400'] ??= errorResponse('Invalid input');
  if (!NO_DATABASE.has(operation.operationId ?? '')) {
    responses['503'] ??= errorResponse('The database does not answer; try again shortly');
    responses['503'].headers = { ...RETRY_AFTER };
  }
  const body = operation.requestBody as RequestBodyObject | undefined;
  if (body) {
    responses['408'] ??= {
      description: 'Headers and body not received within REQUEST_TIMEOUT_SECONDS',
    };
    responses['413'] ??= errorResponse('Body over 64 KiB');
    responses['415'] ??= errorResponse('Unsupported content type');
    for (const media of Object.values(body.content)) closeSchema(media.schema, schemas);
  }
  for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
    const schema = parameter.schema as SchemaObject | undefined;
    if (parameter.in === 'path' && !schema?.format && !schema?.pattern) {
      throw new Error(`${path}: path parameter ${parameter.name} has no format or pattern`);
    }
  }
  if (responses['401']) responses['401'].headers = { ...WWW_AUTHENTICATE };
  if (responses['403']) responses['403'].headers = { ...WWW_AUTHENTICATE };
  if (operation.security?.length) {
    responses['429'] ??= errorResponse("Over the calling API token's rate limit");
    responses['429'].headers = { ...RETRY_AFTER, ...RATE_LIMIT_HEADERS };
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith('2')) response.headers = { ...RATE_LIMIT_HEADERS, ...response.headers };
    }
  } else if (responses['429']) {
    responses['429'].headers = { ...RETRY_AFTER };
  }
}

/** Closes a body's schema and the objects nested in it (`rateLimit` of a token), as validated. */
function closeSchema(
  schema: SchemaObject | ReferenceObject | undefined,
  schemas: Schemas,
  seen = new Set<SchemaObject>(),
): void {
  if (!schema) return;
  if ('$ref' in schema) {
    const target = schemas[schema.$ref.split('/').pop() ?? ''];
    if (target && !('$ref' in target)) closeSchema(target, schemas, seen);
    return;
  }
  if (seen.has(schema)) return;
  seen.add(schema);
  const parts = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  for (const part of parts) closeSchema(part, schemas, seen);
  if (schema.type === 'object' && schema.properties) {
    schema.additionalProperties = false;
    for (const property of Object.values(schema.properties)) closeSchema(property, schemas, seen);
  }
}
