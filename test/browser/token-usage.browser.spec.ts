import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';
import { DESKTOP, buildConsole, launch, screenshot } from './browser.js';

/** A token's usage charts and quota gauge on the console's tokens page, under its CSP. */
describe('Token usage in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    buildConsole();
    t = await startTestApp({ USAGE_FLUSH_SECONDS: '60' });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(t.baseUrl)) violations.push(`request to ${request.url()}`);
    });
  });
  afterEach(async () => {
    await context.close();
    expect(violations).toEqual([]);
  });

  it('draws the last 24 hours and 30 days as stacked bars, and the quota as a gauge', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, {
      name: 'metered',
      quota: { limit: 5, period: 'day' },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await t.api.get('/api/v1/tokens/current', { token: token.token })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);

    await page.goto(`${t.baseUrl}/console/`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByRole('button', { name: 'Usage of metered' }).click();
    const panel = page.locator('#usage-holder .usage-panel');
    await panel.waitFor();

    const charts = panel.locator('.usage-chart');
    expect(await charts.count()).toBe(2);
    expect(await charts.nth(0).locator('g.bar').count()).toBe(24);
    expect(await charts.nth(1).locator('g.bar').count()).toBe(30);
    // This hour's bar and today's: 5 let through, 2 refused (USAGE_EXCEEDED), stacked.
    for (const chart of [charts.nth(0), charts.nth(1)]) {
      const last = chart.locator('g.bar').last();
      expect(await last.getAttribute('data-valid')).toBe('5');
      expect(await last.getAttribute('data-refused')).toBe('2');
      expect(await last.locator('title').textContent()).toContain('USAGE_EXCEEDED 2');
      expect(Number(await last.locator('rect.valid').getAttribute('height'))).toBeGreaterThan(0);
      expect(Number(await last.locator('rect.refused').getAttribute('height'))).toBeGreaterThan(0);
    }
    expect(await charts.nth(0).locator('figcaption').textContent()).toContain(
      '5 let through, 2 refused',
    );
    const gauge = panel.locator('.quota-gauge');
    expect(await gauge.locator('figcaption').textContent()).toContain(
      '5 of 5 used (this day), 0 left',
    );
    expect(await gauge.locator('svg').getAttribute('aria-label')).toBe(
      'Quota: 5 of 5 used this day',
    );
    await screenshot(page, 'token-usage');
  });

  it('shows no gauge for a token without a quota, and empty charts for an unused one', async () => {
    const user = await newUser(t.api);
    await createToken(t.api, user.accessToken, { name: 'quiet' });
    await page.goto(`${t.baseUrl}/console/`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Usage of quiet' }).click();
    const panel = page.locator('#usage-holder .usage-panel');
    await panel.waitFor();
    expect(await page.locator('#usage-holder h2').textContent()).toBe('Usage of “quiet”');
    expect(await panel.locator('.quota-gauge').count()).toBe(0);
    expect(await panel.locator('.usage-chart figcaption').first().textContent()).toContain(
      '0 let through, 0 refused',
    );
  });
});
