/**
 * Writes console/src/api-types.ts, the console's types of the API, from the OpenAPI document
 * the service serves at /docs-json. Builds the application in Nest's preview mode (modules and
 * routes, no provider started), so it needs no database:
 *
 *   npm run console:types            writes the file
 *   npm run console:types -- --check exits 1 when the committed file is stale
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import { AppModule } from '../src/app.module.js';
import { applyGlobalPrefix } from '../src/app.factory.js';
import { loadConfig } from '../src/config.js';
import { buildOpenApiDocument } from '../src/common/http/openapi.js';
import { loadPolicy } from '../src/policy/policy-loader.js';

export const API_TYPES_FILE = join(import.meta.dirname, '..', 'console', 'src', 'api-types.ts');

const HEADER = `/**
 * Generated from the OpenAPI document (/docs-json) by \`npm run console:types\`: do not edit.
 * A test fails when this file is stale.
 */
`;

/** The console's API types, generated from the built-in configuration's OpenAPI document. */
export async function generateApiTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  return HEADER + astToString(ast);
}

/** The OpenAPI document of the built-in configuration, as /docs-json serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Only what the document depends on: the routes and DTOs, and the built-in scopes.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    APP_SECRET: 'openapi-document-only-not-a-secret-0123456789',
  });
  const policy = loadPolicy(undefined);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, policy),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  try {
    applyGlobalPrefix(app);
    return buildOpenApiDocument(app, policy.scopes.all()) as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  const generated = await generateApiTypes();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    if (committed !== generated) {
      process.stderr.write(`${API_TYPES_FILE} is stale: run npm run console:types\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(API_TYPES_FILE, generated);
  }
}
