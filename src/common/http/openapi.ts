import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SCOPES } from '../auth/scopes.js';
import { addExamples } from './openapi-examples.js';
import { completeResponses, operationId } from './openapi-responses.js';
import { withUuidPattern } from './openapi-uuid.js';
import { SWAGGER_UI_CSS, freshExampleNames } from './swagger-ui-requests.js';
import { endReplacedSessions } from './swagger-ui-sessions.js';

export const API_PREFIX = 'api/v1';

/**
 * Swagger UI at /docs, the OpenAPI 3 document at /docs-json. `scopes` are every scope of the
 * deployment, built-in and the policy file's own, with their descriptions.
 */
export function setupOpenApi(
  app: INestApplication,
  scopes: readonly { name: string; description: string }[],
): void {
  const document = buildOpenApiDocument(app, scopes);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'Tessera',
    customCss: SWAGGER_UI_CSS,
    swaggerOptions: {
      // Credentials stay in the page's memory: in localStorage any script of this origin (the
      // console's too) could read them, and they would outlive the tab.
      persistAuthorization: false,
      requestInterceptor: freshExampleNames,
      // Replaces the default plugin list: DownloadUrl is not needed, the document is inline.
      plugins: [endReplacedSessions],
    },
  });
}

/**
 * The OpenAPI document of `app` (served at /docs-json); also what the console's API types are
 * generated from (`npm run console:types`).
 */
export function buildOpenApiDocument(
  app: INestApplication,
  scopes: readonly { name: string; description: string }[],
): OpenAPIObject {
  const descriptions = Object.fromEntries(scopes.map((scope) => [scope.name, scope.description]));
  const config = new DocumentBuilder()
    .setTitle('Tessera')
    .setDescription(
      'Issues and guards the credentials of a REST API: personal API tokens and login sessions. ' +
        '**Authorize** either way: with your email and password (`oauth2`, OAuth2 password flow; tick the scopes the session ' +
        'should carry, none for all of yours), or by pasting a credential under `bearer`: an API token `tsr_…` or a session ' +
        'access token. With both filled in, the pasted one is sent. Each password Authorize is a session of its own: ' +
        'Authorize again or Logout and this page ends the previous one (`POST /auth/logout`).\n\n' +
        'Input rules on every route: JSON bodies are UTF-8 objects nested at most 32 levels, with no field the schema does not name; ' +
        'all text is well-formed Unicode without NUL; `null` only where a field says nullable; date-times are RFC 3339 ' +
        '(`2030-01-31T12:00:00Z`). Anything else is 400.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'Either credential: an API token (`tsr_` + 40 characters, from POST /api/v1/tokens) or a session ' +
          'access token (`accessToken` of POST /api/v1/auth/login). Sent as `Authorization: Bearer …`.',
      },
      'bearer',
    )
    .addOAuth2(
      {
        type: 'oauth2',
        flows: { password: { tokenUrl: `/${API_PREFIX}/auth/token`, scopes: descriptions } },
      },
      'oauth2',
    )
    .build();
  const document = addExamples(
    completeResponses(
      SwaggerModule.createDocument(app, config, { operationIdFactory: operationId }),
    ),
  );
  withScopeEnums(
    document,
    scopes.map((scope) => scope.name),
  );
  withUuidPattern(document);
  return document;
}

/**
 * DTOs name the built-in scopes as their enum (all the compiler knows); the document lists the
 * deployment's, so that it accepts exactly what validation accepts.
 */
function withScopeEnums(node: unknown, names: readonly string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) withScopeEnums(item, names);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.enum) && isBuiltInScopeList(record.enum)) record.enum = [...names];
  for (const value of Object.values(record)) withScopeEnums(value, names);
}

function isBuiltInScopeList(values: unknown[]): boolean {
  return values.length === SCOPES.length && SCOPES.every((scope) => values.includes(scope));
}
