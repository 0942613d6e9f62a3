import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '../support/redis.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import { PASSWORD, login, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';
import {
  DESKTOP,
  PHONE,
  buildConsole,
  expectUsableOnPhone,
  launch,
  screenshot,
} from './browser.js';

const NEW_PASSWORD = 'a fresh passphrase 42';

describe('The console in Chromium', () => {
  let smtp: SmtpReceiver;
  let t: AdminApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let adminEmail: string;

  beforeAll(async () => {
    buildConsole();
    smtp = await SmtpReceiver.start();
    t = await startAdminApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      PUBLIC_URL: 'https://tessera.test',
      TOKEN_RETENTION_DAYS: '0',
      // The one default lifetime of a token, for the API and the console's form alike.
      TOKEN_DEFAULT_DAYS: '45',
    });
    adminEmail = (await t.api.get('/api/v1/auth/me', { token: t.adminToken })).body.email;
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });
  let violations: string[];
  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
  });
  afterEach(async () => {
    await context.close();
    // The console runs under its strict CSP without a single refusal or script error.
    expect(violations).toEqual([]);
  });

  async function signIn(email: string, password = PASSWORD) {
    await page.goto(`${t.baseUrl}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
  }

  it('signs in, creates a token shown once, which works over HTTP until revoked on the page', async () => {
    const user = await newUser(t.api);
    await page.goto(`${t.baseUrl}/`);
    await page.waitForURL(`${t.baseUrl}/console/sign-in`);
    await page.getByLabel('Email').waitFor();
    await screenshot(page, 'sign-in');
    await signIn(user.email);

    await page.getByLabel('Name', { exact: true }).fill('deploy bot');
    await page.getByRole('checkbox', { name: /tokens:read/ }).check();
    await page.getByRole('checkbox', { name: /profile:read/ }).check();
    await page.getByLabel('Expires in days').fill('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secretBox = page.locator('#new-token-secret');
    await secretBox.waitFor();
    expect(await page.getByText('Copy it now: you will not see it again.').isVisible()).toBe(true);
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^tsr_[0-9A-Za-z]{40}$/);
    await page.getByRole('row', { name: /deploy bot/ }).waitFor();
    await screenshot(page, 'tokens');

    const current = await t.api.get('/api/v1/tokens/current', { token: secret });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      name: 'deploy bot',
      scopes: ['tokens:read', 'profile:read'],
    });

    // The secret is not kept anywhere the page could read it back later.
    await page.reload();
    await page.getByRole('row', { name: /deploy bot/ }).waitFor();
    expect(await page.locator('#new-token-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke deploy bot' }).click();
    await page.getByText('No active tokens.').waitFor();
    await page.getByText('Token "deploy bot" revoked: it is refused from now on.').waitFor();
    const refused = await t.api.get('/api/v1/tokens/current', { token: secret });
    expect(refused.status).toBe(401);

    // The revoked ones show when they were revoked.
    await page.getByLabel('Show').selectOption('revoked');
    const revoked = page.getByRole('row', { name: /deploy bot/ });
    await revoked.waitFor();
    expect(await page.getByRole('columnheader', { name: 'Revoked' }).count()).toBe(1);
    expect(await revoked.locator('td[data-label="Revoked"] time').count()).toBe(1);
    await screenshot(page, 'tokens-revoked');
  });

  it("starts the form at the server's default lifetime, the one the API gives a token without an expiry", async () => {
    const user = await newUser(t.api);
    await signIn(user.email);
    expect(await page.getByLabel('Expires in days').inputValue()).toBe('45');
    await page.getByText("Empty: 45 days, this server's default.").waitFor();
    const made = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'no expiry named', scopes: ['tokens:read'] },
    });
    expect(made.status).toBe(201);
    const days = (Date.parse(made.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(44.9);
    expect(days).toBeLessThanOrEqual(45);
  });

  it('works at phone width: tokens are cards whose Revoke and Rotate are on screen and work', async () => {
    const user = await newUser(t.api);
    await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'pocket', scopes: ['tokens:read'] },
    });
    await page.setViewportSize(PHONE);
    await signIn(user.email);
    const card = page.getByRole('row', { name: /pocket/ });
    await card.waitFor();
    await expectUsableOnPhone(page);
    await card.getByText('Rotate…').click();
    await expectUsableOnPhone(page);
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Revoke pocket' }).click();
    await page.getByText('Token "pocket" revoked: it is refused from now on.').waitFor();
  });

  it('rotates a token with a grace period: the new secret is shown once, both work meanwhile', async () => {
    const user = await newUser(t.api);
    const created = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'rotating', scopes: ['tokens:read'] },
    });
    await signIn(user.email);
    const row = page.getByRole('row', { name: /rotating/ });
    await row.getByText('Rotate…').click();
    await row.getByLabel('Old secret works for (seconds)').fill('600');
    await row.getByRole('button', { name: 'Rotate' }).click();
    await page.getByRole('heading', { name: 'Token "rotating" rotated' }).waitFor();
    const secret = await page.locator('#new-token-secret').inputValue();
    expect(secret).not.toBe(created.body.token);
    expect((await t.api.get('/api/v1/tokens/current', { token: secret })).status).toBe(200);
    expect((await t.api.get('/api/v1/tokens/current', { token: created.body.token })).status).toBe(
      200,
    );
  });

  it('keeps the refresh token out of reach of page scripts and the access token in memory only', async () => {
    const user = await newUser(t.api);
    await signIn(user.email);
    const cookies = await context.cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'tessera_refresh');
    expect(refresh).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/browser/refresh',
    });
    expect(refresh!.value).toMatch(/^tsrr_/);
    // Run in the page, as its own scripts would (a string: this file is not typed for the DOM).
    const seen = await page.evaluate(`({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    })`);
    expect(seen).toEqual({ cookie: '', local: '{}', session: '{}' });

    // A reload loses the in-memory access token; the cookie gets a new one.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    const rotated = (await context.cookies()).find((cookie) => cookie.name === 'tessera_refresh');
    expect(rotated!.value).not.toBe(refresh!.value);

    // Sign out revokes the session and clears the cookie, and says so.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('You are signed out.').waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'tessera_refresh')).toBe(
      undefined,
    );
    const sessions = await t.api.get('/api/v1/sessions', { token: user.accessToken });
    expect(sessions.body).toHaveLength(1);
  });

  it('stays signed in when two tabs open at once, both refreshing with the one cookie', async () => {
    const user = await newUser(t.api);
    await signIn(user.email);
    // Each new tab starts without an access token and refreshes with the cookie of the moment:
    // the same one for both, the second inside the refresh grace window.
    const tabs = [await context.newPage(), await context.newPage()];
    const refreshed = tabs.map((tab) =>
      tab.waitForResponse((response) => response.url().endsWith('/api/v1/auth/browser/refresh')),
    );
    await Promise.all(tabs.map((tab) => tab.goto(`${t.baseUrl}/console/tokens`)));
    expect((await Promise.all(refreshed)).map((response) => response.status())).toEqual([200, 200]);
    for (const tab of tabs) {
      await tab.getByRole('heading', { level: 2, name: 'Your tokens' }).waitFor();
    }
    // The session lives on: a reload refreshes again with the cookie the two tabs left.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Your tokens' }).waitFor();
    const sessions = await t.api.get('/api/v1/sessions', { token: user.accessToken });
    expect(sessions.body).toHaveLength(2);
  });

  it('lists sessions with device labels, marks this one, and ends another device', async () => {
    const user = await newUser(t.api, { 'X-Device-Name': 'Build server' });
    await signIn(user.email);
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    await page.getByText('This device', { exact: true }).waitFor();
    expect(await page.getByRole('row', { name: /Chrome( Headless)? on Linux/ }).count()).toBe(1);
    await screenshot(page, 'sessions');

    await page.getByRole('button', { name: 'End session on Build server' }).click();
    await page.getByText('Session on Build server ended.').waitFor();
    expect(await page.getByRole('row', { name: /Build server/ }).count()).toBe(0);
    const other = await t.api.get('/api/v1/auth/me', { token: user.accessToken });
    expect(other.status).toBe(401);
  });

  it('changes the password', async () => {
    const user = await newUser(t.api);
    await signIn(user.email);
    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.', { exact: false }).waitFor();
    await screenshot(page, 'password');
    expect((await login(t.api, user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(401);
  });

  it('keeps the page last asked for when the page before it finishes loading later', async () => {
    const user = await newUser(t.api);
    // The token list answers only once the person has moved on to the password page.
    let listAsked!: () => void;
    const asked = new Promise<void>((resolve) => (listAsked = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isList = (url: URL) => url.pathname === '/api/v1/tokens';
    await page.route(isList, async (route) => {
      listAsked();
      await held;
      await route.continue();
    });
    await signIn(user.email);
    await asked;
    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByLabel('Current password').fill(PASSWORD);

    const finished = page.waitForEvent('requestfinished', (request) =>
      isList(new URL(request.url())),
    );
    release();
    await finished;
    // The late list is read in the page's next turns: a stale render would land by then.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    await page.unroute(isList);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Change password');
    expect(await page.getByLabel('Current password').inputValue()).toBe(PASSWORD);
    expect(await page.title()).toBe('Change password · Tessera');
  });

  it('resets a forgotten password from the mailed link on /console/reset-password', async () => {
    const user = await newUser(t.api);
    await page.goto(`${t.baseUrl}/console/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for that address').waitFor();
    await screenshot(page, 'forgot-password');

    const mail = await smtp.waitForMail(user.email);
    const link = new URL(/https:\/\/tessera\.test\/\S+/.exec(mail.text)![0]);
    expect(link.pathname).toBe('/console/reset-password');
    await page.goto(`${t.baseUrl}${link.pathname}${link.hash}`);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    // The link is out of the address bar once the page has read it.
    expect(new URL(page.url()).hash).toBe('');
    await screenshot(page, 'reset-password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is set.').waitFor();

    expect((await login(t.api, user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(401);
  });

  it('lets an admin dry-run a purge: the counts show, nothing is deleted', async () => {
    const user = await newUser(t.api);
    const doomed = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'doomed', scopes: ['tokens:read'] },
    });
    await t.api.delete(`/api/v1/tokens/${doomed.body.id}`, { token: user.accessToken });

    await signIn(adminEmail);
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    await page.getByRole('button', { name: 'Dry-run purge', exact: true }).click();
    const result = page.locator('#purge-result');
    await result.waitFor();
    expect(await result.getByRole('heading').textContent()).toBe('Purge dry run: would delete');
    const tokens = Number(await result.locator('dt[data-key="tokens"] + dd').textContent());
    expect(tokens).toBeGreaterThanOrEqual(1);
    // Every count under a label in words, as the CLI prints them.
    expect(await result.locator('dt').allTextContents()).toEqual([
      'API tokens',
      'Sessions',
      'Idempotency records',
      'Password-reset links',
      'Webhook events',
      'Audit events',
      'Hourly usage counts',
      'MFA login challenges',
      'Passkey challenges',
    ]);
    await screenshot(page, 'admin-jobs');

    const still = await t.api.get(`/api/v1/tokens/${doomed.body.id}`, { token: user.accessToken });
    expect(still.status).toBe(200);
    expect(still.body.status).toBe('revoked');
  });

  it('shows the audit log to an admin by email and token name, filtered by email, paged', async () => {
    const user = await newUser(t.api);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const made = await t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: `audited ${i}`, scopes: ['tokens:read'] },
      });
      ids.push(made.body.id);
      await t.api.delete(`/api/v1/tokens/${made.body.id}`, { token: user.accessToken });
    }
    for (let i = 0; i < 5; i++) {
      await t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: `filler ${i}`, scopes: ['tokens:read'] },
      });
    }
    await signIn(adminEmail);
    // Unfiltered on a phone: a page of ten cards, details folded, Next page in reach.
    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('row').count()).toBe(11); // the header, ten events
    await expectUsableOnPhone(page, 3500);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2').waitFor();
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'Audit log' }).click();
    // On a desktop the filters are open.
    await page.getByLabel('Actions').waitFor();
    await page.getByLabel('Actions').fill('token.revoked');
    await page.getByLabel('Owner (email)').fill(user.email.toUpperCase());
    await page.getByRole('button', { name: 'Filter' }).click();
    // The filtered page replaces the unfiltered one, which showed the creations too.
    await page
      .getByRole('row', { name: /token\.created/ })
      .first()
      .waitFor({ state: 'detached' });
    const rows = page.getByRole('row', { name: /token\.revoked/ });
    await expect(rows.count()).resolves.toBe(3);
    expect(await page.getByRole('row', { name: /token\.created/ }).count()).toBe(0);
    // People by email, tokens by name; the ids on hover and in the details.
    const first = page.getByRole('row', { name: /audited 2/ });
    expect(await first.getByText(user.email, { exact: true }).count()).toBe(1);
    // Whose token: said when someone else acted.
    expect(await first.getByText(`of ${user.email}`).count()).toBe(0);
    await first.getByText('Details').click();
    expect(await first.locator('code.id', { hasText: ids[2] }).isVisible()).toBe(true);
    expect(await first.locator(`[title="token ${ids[2]}"]`).count()).toBe(1);
    await screenshot(page, 'admin-audit');

    // By who acted: the user did, the admin did not.
    await page.getByLabel('Owner (email)').fill('');
    await page.getByLabel('Done by (email)').fill(adminEmail);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No events match.').waitFor();
  });

  it("lets an admin list every user's tokens expiring soon, revoke one and delete one for good, on a phone", async () => {
    const user = await newUser(t.api);
    const soon = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: `soon ${user.id.slice(0, 6)}`, scopes: ['tokens:read'], expiresInDays: 3 },
    });
    const later = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: `later ${user.id.slice(0, 6)}`, scopes: ['tokens:read'], expiresInDays: 300 },
    });
    await signIn(adminEmail);
    await page.getByRole('link', { name: 'All tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'All API tokens' }).waitFor();
    await page.getByLabel('Expiring within (days)').fill('7');
    await page.getByRole('button', { name: 'Show' }).click();
    // The unfiltered list showed both; the filtered one only the token expiring soon.
    await page
      .getByRole('row', { name: new RegExp(later.body.name) })
      .waitFor({ state: 'detached' });
    const soonRow = page.getByRole('row', { name: new RegExp(soon.body.name) });
    await soonRow.waitFor();
    expect(await soonRow.getByText(user.email).count()).toBe(1);
    await screenshot(page, 'admin-tokens');

    await page.setViewportSize(PHONE);
    await expectUsableOnPhone(page);
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await soonRow.getByRole('button', { name: `Revoke ${soon.body.name}` }).click();
    await page.getByText(`Token "${soon.body.name}" revoked.`).waitFor();
    expect(asked[0]).toContain(`Revoke the token "${soon.body.name}" of ${user.email}?`);
    expect(
      (await t.api.get(`/api/v1/tokens/${soon.body.id}`, { token: user.accessToken })).body.status,
    ).toBe('revoked');

    await page.getByLabel('Expiring within (days)').fill('');
    await page.getByRole('button', { name: 'Show' }).click();
    const laterRow = page.getByRole('row', { name: new RegExp(later.body.name) });
    await laterRow.getByRole('button', { name: `Delete ${later.body.name} for good` }).click();
    await page.getByText(`Token "${later.body.name}" deleted for good.`).waitFor();
    expect(asked[1]).toContain(`Delete the token "${later.body.name}" of ${user.email} for good?`);
    expect(
      (await t.api.get(`/api/v1/tokens/${later.body.id}`, { token: user.accessToken })).status,
    ).toBe(404);
  });

  it('lets a visitor create an account from the sign-in page and lands signed in', async () => {
    const email = `new${Date.now().toString(36)}@example.test`;
    await page.goto(`${t.baseUrl}/console/sign-in`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await screenshot(page, 'sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    expect(await page.getByText(email).count()).toBe(1);

    // An address taken already: the server's message, on the page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${t.baseUrl}/console/sign-up`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('An account with this email already exists').waitFor();
  });

  it('creates a token with its own, lower rate limit', async () => {
    const user = await newUser(t.api);
    await signIn(user.email);
    await page.getByLabel('Name', { exact: true }).fill('throttled bot');
    await page.getByRole('checkbox', { name: /tokens:read/ }).check();
    await page.getByLabel('Per minute').fill('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('#new-token-secret').inputValue();
    const current = await t.api.get('/api/v1/tokens/current', { token: secret });
    expect(current.status).toBe(200);
    expect(current.body.rateLimit).toEqual({ perMinute: 30, perHour: null });
    expect(current.headers.get('ratelimit-limit')).toBe('30');
  });

  it('lets an admin find a user by email and disable it: its session is refused at once', async () => {
    const marker = `find${Date.now().toString(36)}`;
    const email = `${marker}@example.test`;
    await t.api.post('/api/v1/auth/register', { body: { email, password: PASSWORD } });
    const session = (await login(t.api, email)).body.accessToken as string;
    await signIn(adminEmail);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Email contains').fill(marker.toUpperCase());
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row', { name: new RegExp(marker) });
    // The page listed every user before the search: wait for the search's answer.
    // (Polled from here: a function evaluated in the page would break its CSP.)
    await waitFor(async () => (await page.locator('tr').count()) === 2); // header, user
    await row.waitFor();
    expect(await row.getByText('active', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'admin-users');

    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByRole('button', { name: 'Enable' }).waitFor();
    expect(await row.getByText('disabled', { exact: true }).isVisible()).toBe(true);
    expect((await t.api.get('/api/v1/auth/me', { token: session })).status).toBe(401);
    expect((await login(t.api, email)).status).toBe(401);

    await row.getByRole('button', { name: 'Enable' }).click();
    await row.getByRole('button', { name: 'Disable' }).waitFor();
    expect((await t.api.get('/api/v1/auth/me', { token: session })).status).toBe(200);
  });

  it('hides admin pages from users', async () => {
    const user = await newUser(t.api);
    await signIn(user.email);
    expect(await page.getByRole('link', { name: 'Jobs' }).count()).toBe(0);
    await page.goto(`${t.baseUrl}/console/admin/jobs`);
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'All tokens' }).count()).toBe(0);
  });

  describe('refuses cross-site requests', () => {
    let attacker: Server;
    let attackerUrl: string;

    beforeAll(async () => {
      // Another site: a different loopback address is a different host, so a different site.
      attacker = createServer((request, response) => {
        const target = request.url?.slice(1) ?? '';
        response.setHeader('content-type', 'text/html');
        response.end(`<!doctype html><title>attacker</title>
          <form id="f" method="post" action="${decodeURIComponent(target)}">
            <input name="email" value="x@example.test"><input name="password" value="x"></form>`);
      });
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.2', resolve));
      attackerUrl = `http://127.0.0.2:${(attacker.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      attacker.closeAllConnections();
      return new Promise<void>((resolve) => attacker.close(() => resolve()));
    });

    async function victim() {
      const user = await newUser(t.api);
      await signIn(user.email);
      const cookie = (await context.cookies()).find((c) => c.name === 'tessera_refresh')!.value;
      return { user, cookie };
    }

    it('a cross-site form post to the refresh and login routes fails', async () => {
      const { cookie } = await victim();
      for (const route of ['refresh', 'login']) {
        const evil = await context.newPage();
        const target = encodeURIComponent(`${t.baseUrl}/api/v1/auth/browser/${route}`);
        await evil.goto(`${attackerUrl}/${target}`);
        const [response] = await Promise.all([
          evil.waitForResponse((r) => r.url().endsWith(`/browser/${route}`)),
          evil.locator('#f').evaluate((form) => (form as unknown as { submit(): void }).submit()),
        ]);
        expect(response.status()).toBe(403);
        expect(await response.headerValue('set-cookie')).toBeNull();
        await evil.close();
      }
      // The victim's cookie was neither rotated nor cleared.
      const after = (await context.cookies()).find((c) => c.name === 'tessera_refresh');
      expect(after?.value).toBe(cookie);
    });

    it('a cross-origin fetch, with or without the CSRF header, gets nothing', async () => {
      const { cookie } = await victim();
      const evil = await context.newPage();
      await evil.goto(`${attackerUrl}/x`);
      const statuses: number[] = [];
      evil.on('response', (r) => {
        if (r.url().includes('/auth/browser/')) statuses.push(r.status());
      });
      const outcome = await evil.evaluate(async (url) => {
        const tries: Record<string, RequestInit> = {
          withHeader: {
            method: 'POST',
            credentials: 'include',
            headers: { 'X-Tessera-CSRF': '1' },
          },
          simple: { method: 'POST', credentials: 'include' },
          noCors: { method: 'POST', credentials: 'include', mode: 'no-cors' },
        };
        const results: Record<string, string> = {};
        for (const [name, init] of Object.entries(tries)) {
          try {
            const response = await fetch(url, init);
            results[name] = response.type === 'opaque' ? 'opaque' : await response.text();
          } catch {
            results[name] = 'blocked';
          }
        }
        return results;
      }, `${t.baseUrl}/api/v1/auth/browser/refresh`);
      // The preflight refuses the custom header; the rest reach the server without the cookie
      // (SameSite=Strict), are refused, and the page cannot read the answer either way.
      expect(outcome.withHeader).toBe('blocked');
      expect(outcome.simple).toBe('blocked');
      expect(['blocked', 'opaque']).toContain(outcome.noCors);
      expect(statuses).not.toContain(200);
      const after = (await context.cookies()).find((c) => c.name === 'tessera_refresh');
      expect(after?.value).toBe(cookie);
      // And the victim's own page still refreshes with it.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    });
  });
});
