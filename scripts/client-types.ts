/**
 * Writes packages/client/src/api-types.ts, the types of `@tessera/client`, from the part of the
 * OpenAPI document (/docs-json) that the client uses: the verification routes and the schemas
 * they reach. Like the console's types it needs no database:
 *
 *   npm run client:types            writes the file
 *   npm run client:types -- --check exits 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './console-types.js';

export const CLIENT_TYPES_FILE = join(
  import.meta.dirname,
  '..',
  'packages',
  'client',
  'src',
  'api-types.ts',
);

/** The routes the client calls. */
const CLIENT_PATHS = /^\/api\/v1\/verify(?:\/|$)/;

const HEADER = `/**
 * Generated from Tessera's OpenAPI document (/docs-json) by \`npm run client:types\`: do not
 * edit. Only the verification routes and the schemas they use. A test fails when it is stale.
 */
`;

/** The client's types from a whole OpenAPI document (the served one or the built one). */
export async function clientTypesOf(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(clientPart(document) as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  return HEADER + astToString(ast);
}

export async function generateClientTypes(): Promise<string> {
  return clientTypesOf(await openApiDocument());
}

/** The verification routes and, transitively, the schemas they refer to. */
function clientPart(document: Record<string, unknown>): Record<string, unknown> {
  const allPaths = document.paths as Record<string, unknown>;
  const paths = Object.fromEntries(Object.entries(allPaths).filter(([p]) => CLIENT_PATHS.test(p)));
  const components = (document.components ?? {}) as { schemas?: Record<string, unknown> };
  const allSchemas = components.schemas ?? {};
  const schemas: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (!(name in schemas) && name in allSchemas) {
          schemas[name] = allSchemas[name];
          visit(allSchemas[name]);
        }
      } else visit(value);
    }
  };
  visit(paths);
  return {
    openapi: document.openapi,
    info: document.info,
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).sort()) },
  };
}

if (process.argv[1] === import.meta.filename) {
  const generated = await generateClientTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(CLIENT_TYPES_FILE, 'utf8') !== generated) {
      process.stderr.write(`${CLIENT_TYPES_FILE} is stale: run npm run client:types\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(CLIENT_TYPES_FILE, generated);
  }
}
