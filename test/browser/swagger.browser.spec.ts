import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  PASSWORD,
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { DESKTOP, launch, screenshot } from './browser.js';
import { waitFor } from '../support/time.js';

/** The create-token example's name in the OpenAPI document. */
const EXAMPLE_NAME = 'CI deploys';

/** What a new user holds: every scope of the role `user`. */
const TICKED = ['tokens:read', 'tokens:write'];

jest.setTimeout(60_000);

describe('The OpenAPI UI at /docs in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  async function openDocs() {
    await page.goto(`${t.baseUrl}/docs`);
    await page.locator('#operations-tokens-createToken').waitFor();
  }

  /** Authorize with email and password, ticking `scopes`; resolves to the token answer. */
  async function authorizeWithPassword(user: LoggedInUser, scopes: string[]) {
    await page.locator('.auth-wrapper .authorize').click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('#oauth_username').fill(user.email);
    await dialog.locator('#oauth_password').fill(PASSWORD);
    for (const scope of scopes) {
      await dialog.locator(`label[for="${scope}-password-checkbox-oauth2"]`).click();
    }
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/token'));
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/token'));
    await dialog.getByRole('button', { name: 'Apply given OAuth2 credentials' }).click();
    const [request, response] = await Promise.all([sent, answer]);
    expect(response.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Remove authorization' }).first().waitFor();
    return {
      form: new URLSearchParams(request.postData() ?? ''),
      grant: (await response.json()) as { access_token: string; scope?: string },
    };
  }

  async function closeDialog() {
    await page.locator('.modal-ux').getByRole('button', { name: 'Close' }).first().click();
  }

  async function execute(operation: string, path: string) {
    const block = page.locator(`#operations-${operation}`);
    await block.locator('.opblock-summary-control').click();
    await block.getByRole('button', { name: 'Try it out' }).click();
    const request = page.waitForRequest((r) => new URL(r.url()).pathname === path);
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === path);
    await block.getByRole('button', { name: 'Execute' }).click();
    return { request: await request, response: await response, block };
  }

  /** The user's sessions other than the one `newUser` logged in with. */
  async function otherSessions(user: LoggedInUser): Promise<string[]> {
    const listed = await t.api.get('/api/v1/sessions', { token: user.accessToken });
    return (listed.body as { id: string; current: boolean }[])
      .filter((session) => !session.current)
      .map((session) => session.id);
  }

  it('is titled Tessera', async () => {
    await openDocs();
    expect(await page.title()).toBe('Tessera');
  });

  it("offers the create-token example under the name the page's request interceptor knows", async () => {
    const document = await t.api.get('/docs-json');
    const example = JSON.stringify(
      document.body.paths['/api/v1/tokens'].post.requestBody.content['application/json'],
    );
    expect(example).toContain(`"name":"${EXAMPLE_NAME}"`);
  });

  it('authorizes with a password and a scope, and the create-token example gives 201 and a token usable from here', async () => {
    const user = await newUser(t.api);
    await openDocs();
    await screenshot(page, 'docs', { checkPhone: false });
    await page.locator('.auth-wrapper .authorize').click();
    // The password flow needs no client: its client id and secret fields are not shown.
    const dialog = page.locator('.modal-ux');
    await dialog.locator('#oauth_username').waitFor();
    for (const field of ['#client_id_password', '#client_secret_password', '#password_type']) {
      expect(await dialog.locator(field).isVisible()).toBe(false);
    }
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await authorizeWithPassword(user, TICKED);
    await screenshot(page, 'docs-authorize', { checkPhone: false });
    await closeDialog();

    const { response, block } = await execute('tokens-createToken', '/api/v1/tokens');
    expect(response.status()).toBe(201);
    await block.locator('.live-responses-table .response-col_status', { hasText: '201' }).waitFor();
    await screenshot(page, 'docs-create-token', { checkPhone: false });
    const created = (await response.json()) as { token: string; name: string; scopes: string[] };
    expect(created.scopes).toEqual(['tokens:read']);
    // The example's name, made unique: a second Execute makes a second token, not a 409.
    expect(created.name).toMatch(new RegExp(`^${EXAMPLE_NAME} [0-9a-z]+$`));
    const again = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/tokens' && r.request().method() === 'POST',
    );
    await block.getByRole('button', { name: 'Execute' }).click();
    const second = await again;
    expect(second.status()).toBe(201);
    expect(((await second.json()) as { name: string }).name).not.toBe(created.name);
    // Made from this machine, it works from this machine.
    const current = await t.api.get('/api/v1/tokens/current', { token: created.token });
    expect(current.status).toBe(200);
    expect(current.body.scopes).toEqual(['tokens:read']);
  });

  // Depends on /auth/token honouring `scope` (the Authorize dialog sends the ticked ones).
  it('gives the Authorize session exactly the ticked scopes', async () => {
    const user = await newUser(t.api);
    await openDocs();
    const { form, grant } = await authorizeWithPassword(user, ['tokens:read']);
    expect(form.get('scope')).toBe('tokens:read');
    expect(grant.scope).toBe('tokens:read');
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: grant.access_token });
    expect(whoami.body.scopes).toEqual(['tokens:read']);
  });

  it('sends a pasted API token rather than the Authorize session when both are set', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    await openDocs();
    await authorizeWithPassword(user, []);
    await page.locator('.modal-ux input[aria-label="auth-bearer-value"]').fill(token.token);
    await page
      .locator('.modal-ux')
      .getByRole('button', { name: 'Apply credentials', exact: true })
      .click();
    await closeDialog();

    const { request, response } = await execute('tokens-getCurrentToken', '/api/v1/tokens/current');
    expect(request.headers()['authorization']).toBe(`Bearer ${token.token}`);
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(token.id);
  });

  it('ends the previous Authorize session on each new Authorize and on Logout', async () => {
    const user = await newUser(t.api);
    await openDocs();
    await authorizeWithPassword(user, []);
    const first = await otherSessions(user);
    expect(first).toHaveLength(1);

    // Logout, then Authorize again: still one live session, a new one.
    await page
      .locator('.modal-ux')
      .getByRole('button', { name: 'Remove authorization' })
      .first()
      .click();
    await page.locator('#oauth_username').waitFor();
    await waitFor(async () => (await otherSessions(user)).length === 0);
    await page.locator('.modal-ux #oauth_username').fill(user.email);
    await page.locator('.modal-ux #oauth_password').fill(PASSWORD);
    await page
      .locator('.modal-ux')
      .getByRole('button', { name: 'Apply given OAuth2 credentials' })
      .click();
    await page
      .locator('.modal-ux')
      .getByRole('button', { name: 'Remove authorization' })
      .first()
      .waitFor();
    const second = await otherSessions(user);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);

    // Leaving the page (a reload) forgets the authorization, and ends its session.
    await page.reload();
    await waitFor(async () => (await otherSessions(user)).length === 0);
    await page.locator('.auth-wrapper .authorize').click();
    await page.locator('.modal-ux #oauth_username').waitFor();
    await expect(
      page.locator('.modal-ux').getByRole('button', { name: 'Remove authorization' }).count(),
    ).resolves.toBe(0);
  });

  it('keeps access, refresh and pasted tokens in memory only, never in web storage', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, { scopes: ['tokens:read'] });
    await openDocs();
    const { grant } = await authorizeWithPassword(user, []);
    await page.locator('.modal-ux input[aria-label="auth-bearer-value"]').fill(token.token);
    await page
      .locator('.modal-ux')
      .getByRole('button', { name: 'Apply credentials', exact: true })
      .click();
    await closeDialog();
    const { response } = await execute('tokens-getCurrentToken', '/api/v1/tokens/current');
    expect(response.status()).toBe(200);

    // Run in the page: web storage as the page's scripts see it.
    const stored = await page.evaluate(() => {
      const page = globalThis as unknown as Record<
        'localStorage' | 'sessionStorage',
        { length: number; key(i: number): string; getItem(key: string): string }
      >;
      const dump = (storage: (typeof page)['localStorage']) =>
        Array.from({ length: storage.length }, (_, i) => {
          const key = storage.key(i);
          return `${key}=${storage.getItem(key)}`;
        }).join('\n');
      return { local: dump(page.localStorage), session: dump(page.sessionStorage) };
    });
    const secrets = [
      grant.access_token,
      (grant as { refresh_token?: string }).refresh_token!,
      token.token,
    ];
    for (const secret of secrets) {
      expect(secret).toEqual(expect.any(String));
      expect(stored.local).not.toContain(secret);
      expect(stored.session).not.toContain(secret);
    }
    expect(stored.local).not.toMatch(/authorized/);
  });

  it('is served under a CSP whose script-src has no unsafe-inline, and runs under it', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${t.baseUrl}/docs`);
    await page.locator('#operations-tokens-createToken').waitFor();
    const csp = response!.headers()['content-security-policy'];
    const scriptSrc = csp
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The UI itself ran without a refusal.
    expect(violations).toEqual([]);
    // An inline script injected into the page is refused.
    const ran = await page.evaluate(() => {
      const page = globalThis as unknown as {
        document: {
          createElement(tag: string): { textContent: string };
          body: { appendChild(node: unknown): void };
        };
        __injected?: boolean;
      };
      const script = page.document.createElement('script');
      script.textContent = 'globalThis.__injected = true';
      page.document.body.appendChild(script);
      return page.__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
  });
});
