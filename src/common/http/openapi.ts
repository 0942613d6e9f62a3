import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SCOPE_DESCRIPTIONS } from '../auth/scopes.js';
import { completeResponses, operationId } from './openapi-responses.js';

export const API_PREFIX = 'api/v1';

/** Swagger UI at /docs, the OpenAPI 3 document at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
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
        flows: { password: { tokenUrl: `/${API_PREFIX}/auth/token`, scopes: SCOPE_DESCRIPTIONS } },
      },
      'oauth2',
    )
    .build();
  const document = completeResponses(
    SwaggerModule.createDocument(app, config, { operationIdFactory: operationId }),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: { persistAuthorization: true },
  });
}
