import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProjectsModule } from '../../examples/projects/projects.module.js';
import { createApp } from '../../src/app.factory.js';
import { PolicyFileError } from '../../src/policy/policy-file.error.js';
import {
  PASSWORD,
  TEST_SECRET,
  newUser,
  startAdminApp,
  testConfig,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

const EXAMPLE_POLICY = fileURLToPath(
  new URL('../../examples/projects/policy.json', import.meta.url),
);

function policyFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tessera-policy-')), name);
  writeFileSync(file, content);
  return file;
}

interface Run {
  code: number;
  stderr: string;
}

/** `src/main.ts` (or the CLI) as an operator starts it. */
function start(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', script, ...args],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          APP_SECRET: TEST_SECRET,
          DATABASE_URL: process.env.TEST_DATABASE_URL,
          LOG_LEVEL: 'silent',
          PORT: '0',
          HOST: '127.0.0.1',
          ...env,
        },
        timeout: 60_000,
      },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe('Policy file at boot', () => {
  it('stops the service with exit 78, naming the file, the entry and the problem', async () => {
    const file = policyFile(
      'policy.json',
      JSON.stringify({
        scopes: [{ name: 'Projects:Read', description: 'Read projects' }],
        routes: [{ path: '/projects/**', scopes: ['projects:nope'] }],
      }),
    );
    const run = await start('src/main.ts', [], { POLICY_FILE: file });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain(`Invalid policy file ${file}:`);
    expect(run.stderr).toContain('scopes[0].name: "Projects:Read" must be lowercase');
    expect(run.stderr).toContain('routes[0].scopes[0]: "projects:nope" is not a known scope');
    expect(run.stderr).not.toContain('    at ');
  }, 60_000);

  it('stops the service with exit 78 when the file is missing or not valid YAML', async () => {
    const missing = await start('src/main.ts', [], { POLICY_FILE: '/nonexistent/policy.yaml' });
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain('/nonexistent/policy.yaml');
    expect(missing.stderr).toContain('cannot be read: no such file');

    const yaml = policyFile('policy.yaml', 'scopes: [\n  - name: a:b\n');
    const broken = await start('src/main.ts', [], { POLICY_FILE: yaml });
    expect(broken.code).toBe(78);
    expect(broken.stderr).toContain('is not valid YAML');
  }, 60_000);

  it('stops the CLI with exit 78 on a bad policy file, as the service', async () => {
    const file = policyFile(
      'policy.json',
      '{"scopes": [{"name": "tokens:read", "description": "x"}]}',
    );
    const run = await start('src/cli.ts', ['jobs'], { POLICY_FILE: file });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('scopes[0].name: "tokens:read" is a built-in scope');
  }, 60_000);

  it('refuses to build an app whose routes require a scope the policy file does not declare', async () => {
    const file = policyFile(
      'policy.yaml',
      'scopes:\n  - name: projects:read\n    description: Read projects\n',
    );
    const attempt = createApp(testConfig({ POLICY_FILE: file }), undefined, {
      modules: [ProjectsModule],
    });
    await expect(attempt).rejects.toBeInstanceOf(PolicyFileError);
    const error = (await attempt.catch((e: unknown) => e)) as PolicyFileError;
    expect(error.exitCode).toBe(78);
    expect(error.message).toContain(
      'route POST /api/v1/projects (ProjectsController.create) requires the scope "projects:write", which is neither built in nor declared',
    );
    expect(error.message).toContain('"billing:manage"');
    expect(error.message).not.toContain('ProjectsController.list');
  });

  it('refuses the module without any policy file, saying so', async () => {
    const attempt = createApp(testConfig(), undefined, { modules: [ProjectsModule] });
    await expect(attempt).rejects.toThrow(/POLICY_FILE is not set[\s\S]*"projects:read"/);
  });
});

describe('OAuth scope on POST /auth/token', () => {
  let t: AdminApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startAdminApp(
      { POLICY_FILE: EXAMPLE_POLICY, SESSION_CACHE_TTL_SECONDS: '0' },
      { modules: [ProjectsModule] },
    );
    user = await newUser(t.api);
  });

  afterAll(() => t?.close());

  const grant = (form: Record<string, string>) => t.api.post('/api/v1/auth/token', { form });
  const password = (scope?: string) =>
    grant({
      grant_type: 'password',
      username: user.email,
      password: PASSWORD,
      ...(scope !== undefined ? { scope } : {}),
    });
  const sessionCount = async () =>
    (await t.api.get('/api/v1/sessions', { token: user.accessToken })).body.length as number;

  it('answers every scope of the role without a scope, custom ones included', async () => {
    const answer = await password();
    expect(answer.status).toBe(200);
    const scopes = answer.body.scope.split(' ');
    expect(scopes).toEqual(
      expect.arrayContaining(['tokens:read', 'profile:read', 'projects:read']),
    );
    expect(scopes).not.toContain('admin');
    expect(scopes).not.toContain('billing:manage');
  });

  it('narrows the access tokens to the scopes asked for, and says so', async () => {
    const answer = await password('projects:read tokens:read');
    expect(answer.status).toBe(200);
    expect(answer.body.scope.split(' ').sort()).toEqual(['projects:read', 'tokens:read']);
    const token = answer.body.access_token;

    expect((await t.api.get('/api/v1/projects', { token })).status).toBe(200);
    expect((await t.api.get('/api/v1/tokens', { token })).status).toBe(200);
    const me = await t.api.get('/api/v1/auth/me', { token });
    expect(me.status).toBe(403);
    expect(me.headers.get('www-authenticate')).toContain('scope="profile:read"');
    const whoami = await t.api.get('/api/v1/auth/whoami', { token });
    expect(whoami.body.scopes.sort()).toEqual(['projects:read', 'tokens:read']);

    const introspected = await t.api.post('/api/v1/introspect', {
      token: t.adminToken,
      body: { token },
    });
    expect(introspected.body.scope.split(' ').sort()).toEqual(['projects:read', 'tokens:read']);

    // A narrowed session cannot grant more than it carries.
    const mint = await t.api.post('/api/v1/tokens', {
      token,
      body: { name: 'x', scopes: ['tokens:read'] },
    });
    expect(mint.status).toBe(403);
  });

  it('keeps the narrowing through refresh, and lets a refresh narrow further only', async () => {
    const first = await password('projects:read projects:write tokens:read');
    const refreshed = await grant({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.scope.split(' ').sort()).toEqual([
      'projects:read',
      'projects:write',
      'tokens:read',
    ]);
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: refreshed.body.access_token });
    expect(whoami.body.scopes.sort()).toEqual(['projects:read', 'projects:write', 'tokens:read']);

    const wider = await grant({
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token,
      scope: 'projects:read profile:read',
    });
    expect(wider.status).toBe(400);
    expect(wider.body.error).toBe('invalid_scope');
    expect(wider.body.error_description).toContain('profile:read');

    // Nothing changed: the same refresh token still works, and can narrow.
    const narrower = await grant({
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token,
      scope: 'projects:read',
    });
    expect(narrower.status).toBe(200);
    expect(narrower.body.scope).toBe('projects:read');
    const after = await t.api.get('/api/v1/auth/whoami', { token: narrower.body.access_token });
    expect(after.body.scopes).toEqual(['projects:read']);
    // The narrowing is the session's: its older access token carries no more either.
    const older = await t.api.get('/api/v1/auth/whoami', { token: refreshed.body.access_token });
    expect(older.body.scopes).toEqual(['projects:read']);

    const next = await grant({
      grant_type: 'refresh_token',
      refresh_token: narrower.body.refresh_token,
    });
    expect(next.body.scope).toBe('projects:read');
  });

  it('refuses an unknown scope with invalid_scope and opens no session', async () => {
    const before = await sessionCount();
    const answer = await password('projects:read projects:raed');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, error: 'invalid_scope' });
    expect(answer.body.error_description).toContain('projects:raed');
    expect(await sessionCount()).toBe(before);
  });

  it("refuses a scope the user's role may not hold, built-in or custom, and opens no session", async () => {
    const before = await sessionCount();
    for (const scope of ['billing:manage', 'tokens:introspect', 'admin']) {
      const answer = await password(`tokens:read ${scope}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_scope');
      expect(answer.body.error_description).toContain(scope);
    }
    expect(await sessionCount()).toBe(before);
  });

  it('answers a wrong password as before, whatever the scope', async () => {
    const answer = await grant({
      grant_type: 'password',
      username: user.email,
      password: 'wrong password',
      scope: 'billing:manage',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  it('grants an admin the admin-only custom scope it asks for', async () => {
    const admin = (await t.api.get('/api/v1/auth/me', { token: t.adminToken })).body;
    const answer = await grant({
      grant_type: 'password',
      username: admin.email,
      password: PASSWORD,
      scope: 'billing:manage',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe('billing:manage');
    const billing = await t.api.get('/api/v1/projects/billing', {
      token: answer.body.access_token,
    });
    expect(billing.status).toBe(200);
  });

  it('leaves /auth/login with every scope of the role', async () => {
    const session = await t.api.post('/api/v1/auth/login', {
      body: { email: user.email, password: PASSWORD },
    });
    expect(session.body).not.toHaveProperty('scope');
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: session.body.accessToken });
    expect(whoami.body.scopes).toEqual(
      expect.arrayContaining(['profile:read', 'sessions:write', 'projects:read', 'projects:write']),
    );
  });
});
