import {
  createToken,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

const CHALLENGE = 'Bearer realm="tessera"';
const INVALID = 'Bearer realm="tessera", error="invalid_token"';

/** `Authorization: Token …` (Django REST framework, Laravel) wherever `Bearer …` works. */
describe('The Token authorization scheme', () => {
  let t: AdminApp;
  let user: LoggedInUser;
  let apiToken: string;

  beforeAll(async () => {
    t = await startAdminApp();
    user = await newUser(t.api);
    apiToken = (await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] })).token;
  });
  afterAll(() => t?.close());

  const as = (authorization: string) => ({ headers: { authorization } });

  it.each(['Token', 'token', 'TOKEN', 'Bearer', 'bearer'])(
    'lets an API token through as "%s <token>"',
    async (scheme) => {
      const current = await t.api.get('/api/v1/tokens/current', as(`${scheme} ${apiToken}`));
      expect(current.status).toBe(200);
      expect(current.body.prefix).toBe(apiToken.slice(0, 8));
      const list = await t.api.get('/api/v1/tokens', as(`${scheme} ${apiToken}`));
      expect(list.status).toBe(200);
      expect(list.headers.get('ratelimit-limit')).toBe('600');
    },
  );

  it('lets a session access token through as Token too', async () => {
    const me = await t.api.get('/api/v1/auth/me', as(`Token ${user.accessToken}`));
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    const sessions = await t.api.get('/api/v1/sessions', as(`Token ${user.accessToken}`));
    expect(sessions.status).toBe(200);
  });

  it('takes several spaces after the scheme', async () => {
    const res = await t.api.get('/api/v1/tokens/current', as(`Token    ${apiToken}`));
    expect(res.status).toBe(200);
  });

  it('applies scopes as for Bearer: 403 insufficient_scope', async () => {
    const res = await t.api.post('/api/v1/tokens', {
      ...as(`Token ${apiToken}`),
      body: { name: 'more', scopes: ['tokens:read'] },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="insufficient_scope", scope="tokens:write"',
    );
  });

  it('serves introspection to a caller using Token, for a token given in the body', async () => {
    const introspector = (await createToken(t.api, t.adminToken, { scopes: ['tokens:introspect'] }))
      .token;
    const res = await t.api.post('/api/v1/introspect', {
      ...as(`Token ${introspector}`),
      body: { token: apiToken },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: true, sub: user.id, scope: 'tokens:read' });
    const bySession = await t.api.post('/api/v1/introspect', {
      ...as(`token ${t.adminToken}`),
      body: { token: user.accessToken },
    });
    expect(bySession.status).toBe(200);
    expect(bySession.body).toMatchObject({ active: true, sub: user.id });
  });

  it('refuses a revoked or unknown token with invalid_token, and a bare challenge stays Bearer', async () => {
    const doomed = await createToken(t.api, user.accessToken, { name: 'doomed' });
    expect((await t.api.get('/api/v1/tokens/current', as(`Token ${doomed.token}`))).status).toBe(
      200,
    );
    await t.api.delete(`/api/v1/tokens/${doomed.id}`, { token: user.accessToken });
    for (const credential of [doomed.token, 'tsr_' + 'a'.repeat(40), 'not-a-token']) {
      const res = await t.api.get('/api/v1/tokens/current', as(`Token ${credential}`));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(INVALID);
    }
  });

  // KEY stands for the live API token, known only once the app runs.
  it.each([
    ['a scheme alone', 'Token', INVALID],
    ['two credentials', 'Token KEY KEY', INVALID],
    ['Basic', 'Basic dXNlcjpwYXNzd29yZA==', CHALLENGE],
    ['a look-alike scheme', 'Tokens KEY', CHALLENGE],
    // One word, no scheme: malformed to passport-http-bearer, as it always was.
    ['a bare credential', 'KEY', INVALID],
  ])('refuses %s with 401', async (_, header, challenge) => {
    const authorization = header.replaceAll('KEY', apiToken);
    expect((await t.api.get('/api/v1/tokens/current', { token: apiToken })).status).toBe(200);
    const res = await t.api.get('/api/v1/tokens/current', as(authorization));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(challenge);
  });

  it('never reads a credential from the query string or the body', async () => {
    const query = await t.api.get(`/api/v1/auth/me?access_token=${user.accessToken}`);
    expect(query.status).toBe(401);
    expect(query.headers.get('www-authenticate')).toBe(CHALLENGE);
    const body = await t.api.post('/api/v1/auth/logout-all', {
      body: { access_token: user.accessToken },
    });
    expect(body.status).toBe(401);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
  });
});
