import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeBlocks, readMarkdown } from '../support/markdown.js';
import { PASSWORD, login, startTestApp, uniqueEmail, type TestApp } from '../support/test-app.js';

/**
 * The shell walkthroughs of the README ("Try it") and of docs/operating.md, run as written
 * against a running service: only its address and the two accounts' emails are this run's.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shellBlocks = (file: string) =>
  codeBlocks(readMarkdown(join(ROOT, file))).filter((block) => block.lang === 'sh');

/** The README's try-it block: the one that registers ada and makes her an API token. */
function tryItScript(): string {
  const [block] = shellBlocks('README.md').filter((b) => b.text.includes('/auth/register'));
  if (!block) throw new Error('README.md has no try-it block');
  return block.text;
}

/** Every shell block of the operating page, in order. */
function operatingScript(): string {
  const blocks = shellBlocks('docs/operating.md');
  if (blocks.length < 5) throw new Error('docs/operating.md lost its walkthrough');
  return blocks.map((block) => block.text).join('\n');
}

function runShell(
  script: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-eo', 'pipefail', '-c', script], { env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('The walkthroughs of the README and docs/operating.md', () => {
  let t: TestApp;
  let adminToken: string;
  const ada = uniqueEmail('ada');
  const adminEmail = uniqueEmail('ops');

  beforeAll(async () => {
    // The operating page's admin: ADMIN_EMAIL / ADMIN_PASSWORD at start-up, as it says.
    t = await startTestApp({ ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD });
    adminToken = (await login(t.api, adminEmail)).body.accessToken;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** The documented commands, pointed at this run's service and accounts. */
  const asWritten = (script: string) =>
    script
      .replaceAll('localhost:3000', new URL(t.baseUrl).host)
      .replaceAll('ada@example.com', ada)
      .replaceAll('ops@example.com', adminEmail);

  it('runs the README try-it: an account, a session, an API token that reads itself', async () => {
    const run = await runShell(asWritten(tryItScript()));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // register, then /auth/me, then /tokens/current: three JSON answers.
    const answers = run.stdout
      .replace(/}{/g, '}\n{')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers).toHaveLength(3);
    expect(answers[0]).toMatchObject({ email: ada });
    expect(answers[1]).toMatchObject({ email: ada });
    expect(answers[2]).toMatchObject({ name: 'my script', scopes: ['tokens:read'] });
  });

  it('runs the operating page: finds ada, disables her, promotes her, deletes her token, purges', async () => {
    const run = await runShell(asWritten(operatingScript()));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"revoked":');
    expect(run.stdout).toContain('"auditEvents":');
    // The permanent delete prints its status (curl -w), right after the previous answer.
    expect(run.stdout).toMatch(/[}\n]204\n/);

    const found = await t.api.get(`/api/v1/admin/users?email=${encodeURIComponent(ada)}`, {
      token: adminToken,
    });
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ disabled: true, role: 'admin', activeTokens: 0 });
    const tokens = await t.api.get(
      `/api/v1/admin/users/${found.body.items[0].id}/tokens?status=all`,
      {
        token: adminToken,
      },
    );
    expect(tokens.body.items).toEqual([]);
  });
});

describe('The walkthrough of docs/usage-and-quotas.md', () => {
  let t: TestApp;
  const lin = uniqueEmail('lin');

  beforeAll(async () => {
    t = await startTestApp({ USAGE_FLUSH_SECONDS: '60' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('spends a quota of three a day and reads the usage it leaves', async () => {
    const script = shellBlocks('docs/usage-and-quotas.md')
      .map((block) => block.text)
      .join('\n')
      .replaceAll('localhost:3000', new URL(t.baseUrl).host)
      .replaceAll('lin@example.com', lin);
    const run = await runShell(script);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines.slice(0, 4)).toEqual(['200', '200', '200', '429']);
    expect(JSON.parse(lines[4])).toMatchObject({ limit: 3, period: 'day', remaining: 0 });
    expect(JSON.parse(lines[5])).toMatchObject({ valid: 3, refused: { USAGE_EXCEEDED: 1 } });
  });
});
