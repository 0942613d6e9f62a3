import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/http/logger.js';
import { ageUserAuthTime, awayFromStepEdge, totpCode } from '../support/mfa.js';
import { freePort } from '../support/nginx.js';
import { Api, PASSWORD, login, newUser, testConfig, type TestApp } from '../support/test-app.js';
import { DESKTOP, buildConsole, launch, screenshot } from './browser.js';

/**
 * Second factors in the console, with a real WebAuthn ceremony: Chromium's virtual
 * authenticator (DevTools protocol) stands in for a platform authenticator with a fingerprint.
 */
describe('Second factors in the console, in Chromium', () => {
  let app: NestFastifyApplication;
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  let violations: string[];

  beforeAll(async () => {
    buildConsole();
    const port = await freePort();
    // WebAuthn wants a secure context and a host name for its RP id: http://localhost.
    origin = `http://localhost:${port}`;
    const config = testConfig({
      WEBAUTHN_RP_ID: 'localhost',
      WEBAUTHN_ORIGIN: origin,
      SESSION_CACHE_TTL_SECONDS: '0',
    });
    app = await createApp(config, createLogger(config.logLevel));
    await app.listen({ port, host: '127.0.0.1' });
    const api = new Api(`http://127.0.0.1:${port}`);
    t = { app, api, baseUrl: origin, close: () => app.close() };
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    // Well inside the test's own timeout: a wait that never ends names what it waited for.
    page.setDefaultTimeout(10_000);
    violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
  });
  afterEach(async () => {
    await context.close();
    expect(violations).toEqual([]);
  });

  async function signInWithPassword(email: string) {
    await page.goto(`${origin}/console/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /**
   * Waits for `target`; an error the page shows instead fails the test at once, with its text,
   * rather than a bare timeout.
   */
  async function shown(target: Locator, what: string): Promise<void> {
    const alert = page.getByRole('alert');
    await target
      .or(alert)
      .first()
      .waitFor()
      .catch((error: Error) => {
        throw new Error(`${what} did not show: ${error.message}`);
      });
    if (!(await target.first().isVisible())) {
      throw new Error(`${what} did not show; the page says: ${await alert.first().innerText()}`);
    }
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
  }

  it('enrolls an authenticator app and a passkey, and signs in with each', async () => {
    const user = await newUser(t.api);
    await signInWithPassword(user.email);
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    await screenshot(page, 'mfa-security-off');

    // TOTP: scan (here: read the key), type the first code, keep the recovery codes.
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByAltText('QR code to scan with your authenticator app').waitFor();
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'mfa-totp-scan');
    await awayFromStepEdge();
    await page.getByLabel('2. Code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = (await page.locator('#recovery-codes').innerText()).trim().split('\n');
    expect(codes).toHaveLength(10);
    const download = page.getByRole('link', { name: 'Download' });
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    expect(await download.getAttribute('download')).toBe('tessera-recovery-codes.txt');
    await screenshot(page, 'mfa-recovery-codes');
    await page.getByRole('button', { name: 'I saved them' }).click();
    await page.getByText('Recovery codes left: 10').waitFor();

    // A passkey, through the virtual authenticator.
    await page.getByLabel('Passkey name').fill('Laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('cell', { name: 'Laptop' }).waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    await screenshot(page, 'mfa-security-on');

    // Sign in: the password, then a code.
    await signOut();
    await signInWithPassword(user.email);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await screenshot(page, 'mfa-sign-in-second-step');
    await page.getByLabel('Authentication code').fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();

    // The password, then the passkey.
    await signOut();
    await signInWithPassword(user.email);
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();

    // A recovery code.
    await signOut();
    await signInWithPassword(user.email);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(codes[0].toUpperCase());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();

    // No password at all: the passkey alone.
    await signOut();
    await page.getByRole('button', { name: 'Use a passkey instead' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
  });

  it('asks for a step-up in place and retries the action', async () => {
    const user = await newUser(t.api);
    await signInWithPassword(user.email);
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    // In the database, for every session of the user: the page's refresh cookie and access
    // token stay as the console holds them.
    await ageUserAuthTime(t, user.id, 601);

    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('New password again').fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await shown(dialog, 'the step-up dialog');
    await screenshot(page, 'mfa-step-up');
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await shown(page.getByText('Password changed.'), 'the retried password change');
    expect(await dialog.count()).toBe(0);
    expect((await login(t.api, user.email, 'a brand new password')).status).toBe(200);
  });
});
