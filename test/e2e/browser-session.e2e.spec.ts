import { execFileSync } from 'node:child_process';
import { PASSWORD, newUser, startTestApp, type TestApp } from '../support/test-app.js';

const BROWSER = '/api/v1/auth/browser';
const CSRF = { 'x-tessera-csrf': '1' };

/** The refresh cookie's value in a Set-Cookie header, and its attributes. */
function refreshCookieOf(response: { headers: Headers }) {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /^tessera_refresh=([^;]*)/.exec(header);
  return { value: match?.[1] ?? null, attributes: header.split('; ').slice(1) };
}

describe('Browser sessions: refresh token in an HttpOnly cookie, CSRF refused', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function browserLogin() {
    const user = await newUser(t.api);
    const res = await t.api.post(`${BROWSER}/login`, {
      body: { email: user.email, password: PASSWORD },
      headers: CSRF,
    });
    expect(res.status).toBe(200);
    return { user, res, cookie: refreshCookieOf(res).value! };
  }

  it('logs in with the refresh token in a strict, HttpOnly cookie scoped to the refresh route', async () => {
    const { res, cookie } = await browserLogin();
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: expect.any(Number),
      sessionId: expect.any(String),
    });
    expect(cookie).toMatch(/^tsrr_/);
    expect(refreshCookieOf(res).attributes).toEqual(
      expect.arrayContaining([
        `Path=${BROWSER}/refresh`,
        'HttpOnly',
        'SameSite=Strict',
        'Secure',
        expect.stringMatching(/^Max-Age=\d+$/),
      ]),
    );
    const me = await t.api.get('/api/v1/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
  });

  it('refresh rotates the cookie; the new access token works', async () => {
    const { cookie } = await browserLogin();
    const res = await t.api.post(`${BROWSER}/refresh`, {
      headers: { ...CSRF, cookie: `other=1; tessera_refresh=${cookie}` },
    });
    expect(res.status).toBe(200);
    const next = refreshCookieOf(res).value;
    expect(next).toMatch(/^tsrr_/);
    expect(next).not.toBe(cookie);
    expect((await t.api.get('/api/v1/auth/me', { token: res.body.accessToken })).status).toBe(200);
  });

  it('refresh without a cookie is 401 and clears it', async () => {
    const res = await t.api.post(`${BROWSER}/refresh`, { headers: CSRF });
    expect(res.status).toBe(401);
    expect(refreshCookieOf(res)).toEqual({
      value: '',
      attributes: expect.arrayContaining(['Max-Age=0']),
    });
  });

  it.each([
    ['no CSRF header', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a wrong CSRF header', { 'x-tessera-csrf': 'yes' }],
    ['Sec-Fetch-Site: cross-site', { ...CSRF, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { ...CSRF, 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin', { ...CSRF, origin: 'https://evil.example' }],
    ['a malformed Origin', { ...CSRF, origin: 'null' }],
  ])('refuses a refresh with %s (403) and leaves the cookie working', async (_, headers) => {
    const { cookie } = await browserLogin();
    const res = await t.api.post(`${BROWSER}/refresh`, {
      headers: { ...headers, cookie: `tessera_refresh=${cookie}` },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/^Cross-site request refused/);
    expect(res.headers.get('set-cookie')).toBeNull();
    const after = await t.api.post(`${BROWSER}/refresh`, {
      headers: { ...CSRF, cookie: `tessera_refresh=${cookie}` },
    });
    expect(after.status).toBe(200);
  });

  it('refuses a cross-site login form post (login CSRF): no session is opened', async () => {
    const user = await newUser(t.api);
    const res = await t.api.post(`${BROWSER}/login`, {
      form: { email: user.email, password: PASSWORD },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    const sessions = await t.api.get('/api/v1/sessions', { token: user.accessToken });
    expect(sessions.body).toHaveLength(1);
  });

  it('accepts its own origin', async () => {
    const user = await newUser(t.api);
    const res = await t.api.post(`${BROWSER}/login`, {
      body: { email: user.email, password: PASSWORD },
      headers: { ...CSRF, origin: t.baseUrl, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
  });

  it('logout revokes the session and clears the cookie', async () => {
    const { res: login, cookie } = await browserLogin();
    const res = await t.api.post(`${BROWSER}/logout`, {
      token: login.body.accessToken,
      headers: CSRF,
    });
    expect(res.status).toBe(204);
    expect(refreshCookieOf(res).value).toBe('');
    expect(refreshCookieOf(res).attributes).toContain('Max-Age=0');
    expect((await t.api.get('/api/v1/auth/me', { token: login.body.accessToken })).status).toBe(
      401,
    );
    const refresh = await t.api.post(`${BROWSER}/refresh`, {
      headers: { ...CSRF, cookie: `tessera_refresh=${cookie}` },
    });
    expect(refresh.status).toBe(401);
  });

  it('gives 401 for a wrong password and sets no cookie', async () => {
    const user = await newUser(t.api);
    const res = await t.api.post(`${BROWSER}/login`, {
      body: { email: user.email, password: 'not the password' },
      headers: CSRF,
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('The console pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    execFileSync(process.execPath, ['console/build.mjs'], { stdio: 'inherit' });
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('/ redirects to the console', async () => {
    const res = await fetch(`${t.baseUrl}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/');
  });

  it.each(['/console', '/console/', '/console/tokens', '/console/reset-password'])(
    'serves the app at %s with a strict Content-Security-Policy',
    async (path) => {
      const res = await fetch(t.baseUrl + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(await res.text()).toContain('<script type="module" src="/console/assets/console.js">');
    },
  );

  it('serves the built assets, with validators, and 404 for unknown ones', async () => {
    const js = await fetch(`${t.baseUrl}/console/assets/console.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = js.headers.get('etag')!;
    const again = await fetch(`${t.baseUrl}/console/assets/console.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const missing = await fetch(`${t.baseUrl}/console/assets/nope.js`);
    expect(missing.status).toBe(404);
    const traversal = await fetch(`${t.baseUrl}/console/assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });
});
