import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { compileCli, type CompiledCli } from '../support/compiled-cli.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { TEST_SECRET, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/database.js';
import { createOrg } from '../support/orgs.js';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = process.cwd();
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const legacySecret = () => `key_${randomBytes(20).toString('hex')}`;

/** `npm run cli -- import-tokens FILE.jsonl`, beside a running instance on the same database. */
describe('CLI import-tokens', () => {
  let db: IsolatedDatabase;
  let t: TestApp;
  let sql: pg.Client;
  let dir: string;

  let compiled: CompiledCli;

  beforeAll(async () => {
    compiled = await compileCli();
    db = await isolatedDatabase();
    t = await startTestApp({ DATABASE_URL: db.url });
    sql = await sqlClient(db.url);
    dir = mkdtempSync(join(tmpdir(), 'tessera-import-'));
  }, 120_000);

  afterAll(async () => {
    await compiled?.remove();
    rmSync(dir, { recursive: true, force: true });
    await sql?.end();
    await t?.close();
    await db?.drop();
  });

  function cli(
    args: string[],
    env: Record<string, string> = {},
    cwd = process.cwd(),
  ): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--enable-source-maps', compiled.entry, ...args],
        {
          cwd,
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: db.url,
            APP_SECRET: TEST_SECRET,
            NODE_ENV: 'test',
            LOG_LEVEL: 'debug',
            ...env,
          },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          }),
      );
    });
  }

  function file(name: string, lines: unknown[]): string {
    const path = join(dir, name);
    writeFileSync(
      path,
      lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
    );
    return path;
  }

  const count = async (where = 'legacy') =>
    (await sql.query(`SELECT count(*)::int AS n FROM api_tokens WHERE ${where}`)).rows[0]
      .n as number;

  it('imports 10,000 tokens, hashes and plaintexts mixed, in batches, and skips them all the second time', async () => {
    const owners = await Promise.all(Array.from({ length: 10 }, () => newUser(t.api)));
    const secrets = Array.from({ length: 10_000 }, legacySecret);
    const rows = secrets.map((secret, i) => ({
      ...(i % 3 === 0 ? { ownerId: owners[i % 10].id } : { ownerEmail: owners[i % 10].email }),
      name: `key ${i}`,
      ...(i % 2 === 0 ? { sha256: sha256Hex(secret) } : { plaintext: secret }),
      scopes: ['tokens:read'],
      createdAt: '2024-01-01T00:00:00Z',
      ...(i % 5 === 0 ? { expiresAt: '2030-01-01T00:00:00Z', externalId: `api_keys/${i}` } : {}),
    }));
    const path = file('tokens.jsonl', ['', ...rows]);

    const dry = await cli(['import-tokens', path, '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: would import 10000, skipped 0, bad 0');
    expect(await count()).toBe(0);

    const started = Date.now();
    const run = await cli(['import-tokens', path]);
    const seconds = (Date.now() - started) / 1000;
    expect(run.code).toBe(0);
    // Its own lines, not the log's (JSON, on stdout too at debug level).
    const lines = run.stdout
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('{'));
    expect(lines.slice(0, 10)).toEqual(
      Array.from(
        { length: 10 },
        (_, b) =>
          `lines ${b * 1000 + 2}-${b * 1000 + 1001}: imported 1000, skipped 0 (known already)`,
      ),
    );
    expect(lines[10]).toMatch(/^Imported 10000, skipped 0, bad 0; 10000 tokens read in [\d.]+ s$/);
    process.stdout.write(`CLI import of 10,000 tokens: ${seconds.toFixed(1)} s (${lines[10]})\n`);
    expect(await count()).toBe(10_000);
    // No secret reached the output or the log (the CLI logged at debug level).
    const output = run.stdout + run.stderr;
    for (const i of [1, 3, 4999, 9999]) expect(output).not.toContain(secrets[i]);

    // The running instance takes them in their old form at once.
    for (const i of [0, 1, 9999]) {
      const me = await t.api.get('/api/v1/auth/whoami', { token: secrets[i] });
      expect(me.status).toBe(200);
      expect(me.body.userId).toBe(owners[i % 10].id);
    }
    const audited = await sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'token.imported'
         AND actor_via = 'system' AND details->>'source' = 'cli'`,
    );
    expect(audited.rows[0].n).toBe(10_000);

    const again = await cli(['import-tokens', path]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported 0, skipped 10000, bad 0');
    expect(await count()).toBe(10_000);
  }, 300_000);

  it('reports bad lines by number, imports the rest of their batch and exits 1', async () => {
    const owner = await newUser(t.api);
    const good = (name: string) => ({
      ownerEmail: owner.email,
      name,
      sha256: sha256Hex(legacySecret()),
      scopes: ['profile:read'],
    });
    const secret = legacySecret();
    const path = file('bad.jsonl', [
      good('one'),
      '{ not json',
      { ...good('two'), sha256: undefined, plaintext: `${secret} with spaces` },
      good('three'),
      { ...good('four'), ownerEmail: 'nobody@example.test' },
      good('five'),
      // PostgreSQL cannot store NUL: refused as a line, not failing its batch.
      { ...good('six'), name: 'nul\u0000name' },
    ]);
    const names = async () =>
      (
        await sql.query(`SELECT name FROM api_tokens WHERE user_id = $1 ORDER BY name`, [owner.id])
      ).rows.map((row: { name: string }) => row.name);

    const dry = await cli(['import-tokens', path, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(
      'lines 1-7: would import 3, skipped 0 (known already), would refuse 4',
    );
    expect(dry.stdout).toContain('Dry run: would import 3, skipped 0, bad 4;');
    expect(await names()).toEqual([]);

    const run = await cli(['import-tokens', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('lines 1-7: imported 3, skipped 0 (known already), refused 4');
    expect(run.stdout).toContain('Imported 3, skipped 0, bad 4;');
    const reported = run.stderr.split('\n').filter((line) => line.startsWith('line '));
    expect(reported).toEqual([
      'line 2: not valid JSON',
      expect.stringMatching(/^line 3: plaintext must be visible ASCII/),
      'line 5: no user has this ownerEmail',
      'line 7: Text must not contain NUL characters',
    ]);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(await names()).toEqual(['five', 'one', 'three']);

    // Again, after one was deleted: the good lines are known now (the deleted one retired, and
    // named), the bad ones still refused.
    await sql.query(`DELETE FROM api_tokens WHERE user_id = $1 AND name = 'one'`, [owner.id]);
    const again = await cli(['import-tokens', path]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('Imported 0, skipped 3, bad 4;');
    expect(again.stderr).toContain('line 1: skipped: revoked or deleted since it was imported');
    expect(await names()).toEqual(['five', 'three']);

    // Only good lines: exit 0.
    const clean = await cli(['import-tokens', file('good.jsonl', [good('seven')])]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Imported 1, skipped 0, bad 0;');
  }, 300_000);

  it("imports rows naming ownerOrg as the organization's tokens, made by no one, within a user's scopes", async () => {
    const owner = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    const secret = legacySecret();
    const path = file('org.jsonl', [
      { ownerOrg: org.slug, name: 'org key', plaintext: secret, scopes: ['tokens:read'] },
      { ownerOrg: org.id, name: 'org admin', sha256: sha256Hex(legacySecret()), scopes: ['admin'] },
      {
        ownerOrg: 'no-such-org',
        name: 'lost',
        sha256: sha256Hex(legacySecret()),
        scopes: ['tokens:read'],
      },
    ]);

    const run = await cli(['import-tokens', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Imported 1, skipped 0, bad 2;');
    expect(run.stderr.split('\n').filter((line) => line.startsWith('line '))).toEqual([
      "line 2: an organization's token imported from the command line may hold only scopes of the role user, not: admin",
      'line 3: no organization has this ownerOrg',
    ]);
    const rows = await sql.query(
      `SELECT user_id, org_id, created_by FROM api_tokens WHERE org_id = $1`,
      [org.id],
    );
    expect(rows.rows).toEqual([{ user_id: null, org_id: org.id, created_by: null }]);
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: secret });
    expect(whoami.body).toMatchObject({ orgId: org.id, role: 'service' });
  }, 120_000);

  it("reads POLICY_FILE from .env as the service does, so the host API's scopes import", async () => {
    const owner = await newUser(t.api);
    const project = mkdtempSync(join(dir, 'project-'));
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const path = file('projects.jsonl', [
      {
        ownerEmail: owner.email,
        name: 'dashboard',
        sha256: sha256Hex(legacySecret()),
        scopes: ['projects:read'],
      },
    ]);
    // Without the policy file the scope is unknown, and the CLI says where it is declared.
    // Run from that folder, as from a checkout of its own (compiled with this tsconfig).
    const fromProject = { SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') };
    const refused = await cli(['import-tokens', path], fromProject, project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 1: ');
    expect(refused.stderr).toContain('unknown scopes: projects:read');
    expect(refused.stderr).toContain('set POLICY_FILE (in .env');

    writeFileSync(
      join(project, '.env'),
      `POLICY_FILE=${join(ROOT, 'examples', 'projects', 'policy.json')}\n`,
    );
    const run = await cli(['import-tokens', path], fromProject, project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 1, skipped 0, bad 0');
    expect(await count(`name = 'dashboard' AND scopes = '{projects:read}'`)).toBe(1);
  }, 120_000);

  it('refuses a missing file or no file with a clear message', async () => {
    const missing = await cli(['import-tokens', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.jsonl/);
    const none = await cli(['import-tokens']);
    expect(none.code).toBe(64);
    expect(none.stderr).toMatch(/import-tokens needs a file/);
  }, 120_000);
});
