import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/console-types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The console's `api-types.ts` is generated from the OpenAPI document and kept in step. */
describe("The console's API types", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('are the committed file: regenerate with npm run console:types when the API changes', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  }, 60_000);

  it('are generated from the same document the service serves at /docs-json', async () => {
    const served = await t.api.get('/docs-json');
    expect(served.status).toBe(200);
    const fromServed = astToString(await openapiTS(served.body, { alphabetize: true }));
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toContain(fromServed);
  }, 60_000);
});
