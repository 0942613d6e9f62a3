import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE = join(ROOT, 'packages', 'client');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** What a user of the package writes: plain Node ESM, no TypeScript, no build step. */
const PLAIN_NODE = `
import { TesseraClient, TesseraError, TesseraAuthError } from '@tessera/client';
import { tessera } from '@tessera/client/express';
import { tesseraPlugin } from '@tessera/client/fastify';

const [baseUrl, token, credential] = process.argv.slice(2);
const client = new TesseraClient({ baseUrl, token });
const answer = await client.verify(credential, { scopes: ['tokens:read'] });
const refused = await new TesseraClient({ baseUrl, token: 'tsr_unknown' })
  .verify(credential)
  .catch((error) => error);
let internals = 'hidden';
try {
  await import('@tessera/client/dist/cache.js');
  internals = 'reachable';
} catch {}
console.log(JSON.stringify({
  answer,
  refused: [refused instanceof TesseraAuthError, refused instanceof TesseraError, refused.status],
  express: typeof tessera,
  fastify: typeof tesseraPlugin,
  internals,
}));
`;

/** And in TypeScript: the declarations are found through `exports`, and they are strict. */
const TYPED = `
import { TesseraClient, type Verification, type VerificationCode } from '@tessera/client';
import { tessera } from '@tessera/client/express';

const client = new TesseraClient({ baseUrl: 'http://localhost', token: 't', cacheSeconds: 5 });
export async function check(credential: string): Promise<VerificationCode> {
  const answer: Verification = await client.verify(credential, { scopes: ['a:b'] });
  // @ts-expect-error: no such field in the answer
  void answer.nonsense;
  // @ts-expect-error: a credential is a string
  await client.verify(42);
  const remaining: number | undefined = answer.rateLimit?.remaining;
  void remaining;
  return answer.code;
}
export const guard = tessera({ client, scopes: ['a:b'], org: { param: 'org', role: 'admin' } });
`;

/**
 * `npm pack` of packages/client installed into a project outside the repository: its
 * `exports`, `types` and `files` are what a user gets.
 */
describe('The @tessera/client package', () => {
  let t: AdminApp;
  let scratch: string;

  beforeAll(async () => {
    t = await startAdminApp();
    scratch = mkdtempSync(join(tmpdir(), 'tessera-client-scratch-'));
  });
  afterAll(async () => {
    await t?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('installs from its tarball, offline, and works from plain Node and TypeScript', async () => {
    // prepack builds dist/ with tsc.
    await run('npm', ['pack', '--pack-destination', scratch], { cwd: PACKAGE });
    const [tarball] = readdirSync(scratch).filter((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^tessera-client-\d+\.\d+\.\d+\.tgz$/);

    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
    await run(
      'npm',
      ['install', `./${tarball}`, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
      { cwd: scratch },
    );
    // No dependencies, and the frameworks are optional peers: nothing else was installed.
    expect(readdirSync(join(scratch, 'node_modules')).sort()).toEqual([
      '.package-lock.json',
      '@tessera',
    ]);
    expect(readdirSync(join(scratch, 'node_modules', '@tessera', 'client')).sort()).toEqual([
      'README.md',
      'dist',
      'package.json',
    ]);

    const verifier = await createToken(t.api, t.adminToken, { scopes: ['tokens:verify'] });
    const user = await newUser(t.api);
    const credential = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    writeFileSync(join(scratch, 'plain.mjs'), PLAIN_NODE);
    const { stdout } = await run(
      process.execPath,
      ['plain.mjs', t.baseUrl, verifier.token, credential.token],
      { cwd: scratch },
    );
    expect(JSON.parse(stdout)).toEqual({
      answer: expect.objectContaining({ valid: true, code: 'VALID', tokenId: credential.id }),
      refused: [true, true, 401],
      express: 'function',
      fastify: 'function',
      internals: 'hidden',
    });

    writeFileSync(join(scratch, 'typed.ts'), TYPED);
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    try {
      await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: scratch });
    } catch (error) {
      throw new Error(
        `the scratch project does not compile:\n${(error as { stdout: string }).stdout}`,
        { cause: error },
      );
    }
  }, 120_000);
});
