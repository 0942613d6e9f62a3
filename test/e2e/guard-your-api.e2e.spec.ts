import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { ProjectsModule } from '../../examples/projects/projects.module.js';
import {
  PASSWORD,
  createToken,
  login,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

/** docs/guard-your-api.md, first way: exactly the example module and policy file. */
const POLICY_FILE = fileURLToPath(new URL('../../examples/projects/policy.json', import.meta.url));

describe('Guard your own API: a Nest module with its own scopes', () => {
  let t: AdminApp;
  let user: LoggedInUser;
  let sql: pg.Client;

  beforeAll(async () => {
    t = await startAdminApp(
      { POLICY_FILE, TOKEN_CACHE_TTL_SECONDS: '0', SESSION_CACHE_TTL_SECONDS: '0' },
      { modules: [ProjectsModule] },
    );
    user = await newUser(t.api);
    sql = await sqlClient();
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const insufficient = (scope: string) =>
    `Bearer realm="tessera", error="insufficient_scope", scope="${scope}"`;

  it('lets a token with projects:read read, and refuses one without it with 403', async () => {
    const reader = await createToken(t.api, user.accessToken, { scopes: ['projects:read'] });
    const read = await t.api.get('/api/v1/projects', { token: reader.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual([]);

    const other = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    const refused = await t.api.get('/api/v1/projects', { token: other.token });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe(insufficient('projects:read'));

    const write = await t.api.post('/api/v1/projects', {
      token: reader.token,
      body: { name: 'Apollo' },
    });
    expect(write.status).toBe(403);
    expect(write.headers.get('www-authenticate')).toBe(insufficient('projects:write'));
  });

  it('lets a token with projects:write create, and the session (all its role may hold) read', async () => {
    const writer = await createToken(t.api, user.accessToken, { scopes: ['projects:write'] });
    const created = await t.api.post('/api/v1/projects', {
      token: writer.token,
      body: { name: 'Gemini' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Gemini', ownerId: user.id });

    const listed = await t.api.get('/api/v1/projects', { token: user.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.map((project: { name: string }) => project.name)).toContain('Gemini');
  });

  it('lists the custom scopes with their descriptions and roles', async () => {
    const scopes = await t.api.get('/api/v1/scopes');
    expect(scopes.status).toBe(200);
    const byName = new Map(scopes.body.map((scope: { name: string }) => [scope.name, scope]));
    expect(byName.get('tokens:read')).toMatchObject({ builtIn: true, adminOnly: false });
    expect(byName.get('projects:read')).toEqual({
      name: 'projects:read',
      description: 'Read projects',
      adminOnly: false,
      roles: ['user', 'admin'],
      builtIn: false,
    });
    expect(byName.get('billing:manage')).toMatchObject({ adminOnly: true, roles: ['admin'] });
  });

  it('refuses billing:manage (roles: ["admin"]) to a user, and grants it to an admin', async () => {
    const refused = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'billing', scopes: ['billing:manage'] },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe(insufficient('billing:manage'));
    const sessionTry = await t.api.get('/api/v1/projects/billing', { token: user.accessToken });
    expect(sessionTry.status).toBe(403);

    const granted = await createToken(t.api, t.adminToken, { scopes: ['billing:manage'] });
    expect(granted.scopes).toEqual(['billing:manage']);
    const billing = await t.api.get('/api/v1/projects/billing', { token: granted.token });
    expect(billing.status).toBe(200);
    expect(billing.body).toEqual({ plan: 'team', seats: 10 });
  });

  it('drops an admin-only custom scope from the tokens of an owner no longer admin', async () => {
    const promoted = await newUser(t.api);
    await sql.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [promoted.id]);
    const session = await login(t.api, promoted.email, PASSWORD);
    const token = await createToken(t.api, session.body.accessToken, {
      scopes: ['billing:manage', 'projects:read'],
    });
    expect((await t.api.get('/api/v1/projects/billing', { token: token.token })).status).toBe(200);

    await sql.query(`UPDATE users SET role = 'user' WHERE id = $1`, [promoted.id]);
    const after = await t.api.get('/api/v1/projects/billing', { token: token.token });
    expect(after.status).toBe(403);
    expect((await t.api.get('/api/v1/projects', { token: token.token })).status).toBe(200);
  });

  it('refuses an undeclared scope with 400 naming it, and creates nothing', async () => {
    const before = await t.api.get('/api/v1/tokens?status=all&limit=100', {
      token: user.accessToken,
    });
    const refused = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'typo', scopes: ['projects:read', 'projects:raed'] },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.message)).toContain('projects:raed');
    const after = await t.api.get('/api/v1/tokens?status=all&limit=100', {
      token: user.accessToken,
    });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('changes and rotates tokens with custom scopes like built-in ones', async () => {
    const token = await createToken(t.api, user.accessToken, { scopes: ['projects:read'] });
    const widened = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { scopes: ['projects:read', 'projects:write'] },
    });
    expect(widened.status).toBe(200);
    expect(widened.body.scopes.sort()).toEqual(['projects:read', 'projects:write']);

    const unknown = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { scopes: ['projects:delete'] },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.message)).toContain('projects:delete');

    const adminOnly = await t.api.patch(`/api/v1/tokens/${token.id}`, {
      token: user.accessToken,
      body: { scopes: ['projects:read', 'billing:manage'] },
    });
    expect(adminOnly.status).toBe(403);

    const rotated = await t.api.post(`/api/v1/tokens/${token.id}/rotate`, {
      token: user.accessToken,
      body: {},
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.scopes.sort()).toEqual(['projects:read', 'projects:write']);
    const read = await t.api.get('/api/v1/projects', { token: rotated.body.token });
    expect(read.status).toBe(200);
  });

  it('lets an API token grant only the custom scopes it holds itself', async () => {
    const minter = await createToken(t.api, user.accessToken, {
      scopes: ['tokens:write', 'projects:read'],
    });
    const ok = await t.api.post('/api/v1/tokens', {
      token: minter.token,
      body: { name: 'narrower', scopes: ['projects:read'] },
    });
    expect(ok.status).toBe(201);
    const escalation = await t.api.post('/api/v1/tokens', {
      token: minter.token,
      body: { name: 'wider', scopes: ['projects:write'] },
    });
    expect(escalation.status).toBe(403);
    expect(escalation.headers.get('www-authenticate')).toBe(insufficient('projects:write'));
    const widen = await t.api.patch(`/api/v1/tokens/${ok.body.id}`, {
      token: minter.token,
      body: { scopes: ['projects:read', 'projects:write'] },
    });
    expect(widen.status).toBe(403);
  });

  it('introspects a custom scope like a built-in one', async () => {
    const token = await createToken(t.api, user.accessToken, {
      scopes: ['projects:read', 'tokens:read'],
    });
    const introspected = await t.api.post('/api/v1/introspect', {
      token: t.adminToken,
      body: { token: token.token },
    });
    expect(introspected.status).toBe(200);
    expect(introspected.body.scope.split(' ').sort()).toEqual(['projects:read', 'tokens:read']);

    const session = await t.api.post('/api/v1/introspect', {
      token: t.adminToken,
      body: { token: user.accessToken },
    });
    expect(session.body.scope.split(' ')).toEqual(
      expect.arrayContaining(['projects:read', 'projects:write', 'tokens:read']),
    );
    expect(session.body.scope.split(' ')).not.toContain('billing:manage');
  });

  it("documents the deployment's scopes in OpenAPI, and the module's routes", async () => {
    const document = (await t.api.get('/docs-json')).body;
    const create = document.components.schemas.CreateTokenDto.properties.scopes;
    expect(create.items.enum).toEqual(expect.arrayContaining(['tokens:read', 'projects:read']));
    expect(create.items.enum).toContain('billing:manage');
    expect(document.components.securitySchemes.oauth2.flows.password.scopes).toMatchObject({
      'projects:read': 'Read projects',
    });
    expect(document.paths['/api/v1/projects'].get.security).toEqual(
      expect.arrayContaining([{ bearer: ['projects:read'] }]),
    );
  });
});
