import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { compileCli, type CompiledCli } from '../support/compiled-cli.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import {
  TEST_SECRET,
  login,
  newUser,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as an operator runs it, beside a running instance on the same database. */
describe('CLI', () => {
  let db: IsolatedDatabase;
  let t: TestApp;
  let sql: pg.Client;

  let compiled: CompiledCli;

  beforeAll(async () => {
    compiled = await compileCli();
    db = await isolatedDatabase();
    t = await startTestApp({ DATABASE_URL: db.url, SESSION_CACHE_TTL_SECONDS: '0' });
    sql = await sqlClient(db.url);
  }, 120_000);

  afterAll(async () => {
    await compiled?.remove();
    await sql?.end();
    await t?.close();
    await db?.drop();
  });

  function cli(
    args: string[],
    env: Record<string, string> = {},
    stdin?: string,
  ): Promise<CliResult> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        ['--enable-source-maps', compiled.entry, ...args],
        {
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: db.url,
            APP_SECRET: TEST_SECRET,
            NODE_ENV: 'test',
            ...env,
          },
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          }),
      );
      child.stdin?.end(stdin ?? '');
    });
  }

  it("purges, dry or for real, and records the runs as the CLI's", async () => {
    const user = await newUser(t.api);
    await sql.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, allowed_ips, expires_at)
       VALUES ($1, 'old', 'tsr_xxxx', $2, '{tokens:read}', '{}', now() - interval '30 days'),
              ($1, 'live', 'tsr_xxxx', $3, '{tokens:read}', '{}', now() + interval '30 days')`,
      [user.id, randomBytes(32), randomBytes(32)],
    );
    const dry = await cli(['purge', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ tokens: 1, sessions: 0, dryRun: true });
    expect((await sql.query(`SELECT count(*)::int AS n FROM api_tokens`)).rows[0].n).toBe(2);

    const real = await cli(['purge']);
    expect(real).toMatchObject({ code: 0 });
    expect(real.stdout).toMatch(/^Deleted 1 API tokens, 0 sessions/);
    // Every count the API's purge answers, audit events included, is in the line.
    for (const kind of ['password-reset links', 'idempotency records', 'webhook events']) {
      expect(real.stdout).toMatch(new RegExp(`\\d+ ${kind}`));
    }
    expect(real.stdout).toMatch(/\d+ audit events, \d+ hourly usage counts, /);
    expect(real.stdout).toMatch(/\d+ MFA login challenges, \d+ passkey challenges\n$/);
    const left = await sql.query(`SELECT name FROM api_tokens`);
    expect(left.rows).toEqual([{ name: 'live' }]);
    const runs = await sql.query(`SELECT DISTINCT trigger, outcome FROM job_runs`);
    expect(runs.rows).toEqual([{ trigger: 'cli', outcome: 'ok' }]);
  }, 120_000);

  it('skips, with exit code 75, a job running elsewhere', async () => {
    await sql.query(
      `INSERT INTO job_leases (job, holder, instance, expires_at)
       VALUES ('purge-sessions', gen_random_uuid(), 'elsewhere:1', now() + interval '1 minute')`,
    );
    try {
      const result = await cli(['purge']);
      expect(result.code).toBe(75);
      expect(result.stderr).toMatch(/Skipped: purge-sessions is running on another instance/);
      const single = await cli(['run-job', 'purge-tokens']);
      expect(single.code).toBe(0);
    } finally {
      await sql.query(`DELETE FROM job_leases WHERE instance = 'elsewhere:1'`);
    }
  }, 120_000);

  it('creates admins: password from stdin, never over an existing account unless asked to promote it', async () => {
    const email = uniqueEmail('cli-admin');
    const created = await cli(
      ['create-admin', '--email', email, '--password-stdin'],
      {},
      'a fine password\n',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created admin /);
    const session = await login(t.api, email, 'a fine password');
    expect(session.status).toBe(200);
    expect(
      (await t.api.get('/api/v1/auth/me', { token: session.body.accessToken })).body.role,
    ).toBe('admin');

    const again = await cli(['create-admin', '--email', email], {
      ADMIN_PASSWORD: 'other password 1',
    });
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/already an admin/) });
    expect((await login(t.api, email, 'other password 1')).status).toBe(401);

    // An ordinary user, while the service runs: untouched, then promoted on request.
    const user = await newUser(t.api);
    const refused = await cli(['create-admin', '--email', user.email], {
      ADMIN_PASSWORD: 'other password 1',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not an admin; nothing changed/);
    const promoted = await cli(['create-admin', '--email', user.email, '--promote'], {
      ADMIN_PASSWORD: 'x-unused-x',
    });
    expect(promoted.code).toBe(0);
    const me = await t.api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(me.body.role).toBe('admin');
    expect((await t.api.get('/api/v1/admin/jobs', { token: user.accessToken })).status).toBe(200);
    expect((await login(t.api, user.email)).status).toBe(200);
  }, 120_000);

  it('refuses bad input with a clear message and a sysexits code, changing nothing', async () => {
    const before = await sql.query(`SELECT count(*)::int AS n FROM users`);
    const cases: [string[], Record<string, string>, number, RegExp][] = [
      [
        ['create-admin', '--email', 'not-an-email'],
        { ADMIN_PASSWORD: 'long enough 1' },
        64,
        /Not an email/,
      ],
      [['create-admin', '--email', uniqueEmail()], { ADMIN_PASSWORD: 'short' }, 64, /8 to 128/],
      [['create-admin'], {}, 64, /needs --email/],
      [['frobnicate'], {}, 64, /Unknown command "frobnicate"/],
      [['run-job', 'nope'], {}, 64, /Unknown job "nope"/],
      [['purge', '--bogus'], {}, 64, /bogus/],
      [['purge'], { PURGE_CRON: '61 * * * *' }, 78, /PURGE_CRON must be a cron expression/],
    ];
    for (const [args, env, code, message] of cases) {
      const result = await cli(args, env);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stderr).toMatch(message);
    }
    expect((await sql.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(
      before.rows[0].n,
    );
  }, 180_000);
});
