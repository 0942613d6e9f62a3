import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SCOPES } from '../auth/scopes.js';
import { completeResponses, operationId } from './openapi-responses.js';

export const API_PREFIX = 'api/v1';

/**
 * Swagger UI at /docs, the OpenAPI 3 document at /docs-json. `scopes` are every scope of the
 * deployment, built-in and the policy file's own, with their descriptions.
 */
export function setupOpenApi(
  app: INestApplication,
  scopes: readonly { name: string; description: string }[],
): void {
  const descriptions = Object.fromEntries(scopes.map((scope) => [scope.name, scope.description]));
  const config = new DocumentBuilder()
    .setTitle('Tessera')
    .setDescription(
      'Issues and guards the credentials of a REST API: personal API tokens and login sessions. ' +
        'Use **Authorize** with your email and password (OAuth2 password flow), or paste a token as a bearer credential.\n\n' +
        'Input rules on every route: JSON bodies are UTF-8 objects nested at most 32 levels, with no field the schema does not name; ' +
        'all text is well-formed Unicode without NUL; `null` only where a field says nullable; date-times are RFC 3339 ' +
        '(`2030-01-31T12:00:00Z`). Anything else is 400.',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'Session access token or API token' },
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
  const document = completeResponses(
    SwaggerModule.createDocument(app, config, { operationIdFactory: operationId }),
  );
  withScopeEnums(
    document,
    scopes.map((scope) => scope.name),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: { persistAuthorization: true },
  });
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
