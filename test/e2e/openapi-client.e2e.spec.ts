import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { newUser, startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
/** Inside the project so that the generated code resolves openapi-fetch; gitignored. */
const OUT = join(process.cwd(), 'test', 'client', 'generated');

/** What a consumer writes against the generated types: wrong paths or fields do not compile. */
const USAGE = `import createClient from 'openapi-fetch';
import type { paths } from './tessera-api.js';

export async function makeToken(baseUrl: string, accessToken: string): Promise<string> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${accessToken}\` } });
  const { data, error, response } = await client.POST('/api/v1/tokens', {
    body: { name: 'generated client', scopes: ['tokens:read'], expiresInDays: 30 },
    params: { header: { 'Idempotency-Key': 'generated-client-1' } },
  });
  if (!data) throw new Error(\`\${response.status}: \${String(error?.message)}\`);
  const token: string = data.token;
  const current = await client.GET('/api/v1/tokens/current', {
    headers: { Authorization: \`Bearer \${token}\` },
  });
  if (current.data?.id !== data.id) throw new Error('the new token does not authenticate');
  return token;
}
`;

describe('A TypeScript client generated from /docs-json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('compiles (openapi-typescript + openapi-fetch) and makes a token', async () => {
    mkdirSync(OUT, { recursive: true });
    const doc = await t.api.get('/docs-json');
    writeFileSync(join(OUT, 'openapi.json'), doc.text);
    await run(process.execPath, [
      'node_modules/openapi-typescript/bin/cli.js',
      join(OUT, 'openapi.json'),
      '--output',
      join(OUT, 'tessera-api.ts'),
    ]);
    writeFileSync(join(OUT, 'make-token.ts'), USAGE);
    // Strict, as a consumer's project would be; a compile error fails the test with tsc's output.
    await run(process.execPath, [
      'node_modules/typescript/bin/tsc',
      '--ignoreConfig',
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--types',
      'node',
      join(OUT, 'make-token.ts'),
    ]).catch((error: { stdout?: string }) => {
      throw new Error(`the generated client does not compile:\n${error.stdout}`);
    });

    const user = await newUser(t.api);
    const { makeToken } = (await import(pathToFileURL(join(OUT, 'make-token.ts')).href)) as {
      makeToken: (baseUrl: string, accessToken: string) => Promise<string>;
    };
    const token = await makeToken(t.baseUrl, user.accessToken);
    expect(token).toMatch(/^tsr_[0-9A-Za-z]{40}$/);
    const listed = await t.api.get('/api/v1/tokens', { token: user.accessToken });
    expect(listed.body.items.map((item: { name: string }) => item.name)).toEqual([
      'generated client',
    ]);
  }, 120_000);
});
