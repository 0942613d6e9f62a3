import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SCOPE_DESCRIPTIONS } from '../auth/scopes.js';

export const API_PREFIX = 'api/v1';

/** Swagger UI at /docs, the OpenAPI 3 document at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Tessera')
    .setDescription(
      'Issues and guards the credentials of a REST API: personal API tokens and login sessions. ' +
        'Use **Authorize** with your email and password (OAuth2 password flow), or paste a token as a bearer credential.',
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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: { persistAuthorization: true },
  });
}
