import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMember, createOrg } from '../support/orgs.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import {
  PASSWORD,
  newUser,
  startAdminApp,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';
import {
  DESKTOP,
  PHONE,
  buildConsole,
  expectUsableOnPhone,
  launch,
  screenshot,
} from './browser.js';

/** The console's organization pages and the invitation landing page, in Chromium. */
describe("The console's organizations in Chromium", () => {
  let smtp: SmtpReceiver;
  let t: AdminApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    buildConsole();
    smtp = await SmtpReceiver.start();
    t = await startAdminApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      PUBLIC_URL: 'https://tessera.test',
    });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterEach(async () => {
    await context.close();
    // Under the console's strict CSP: not one refusal, not one script error.
    expect(violations).toEqual([]);
  });

  async function signIn(email: string, landing = 'API tokens') {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  }
  const status = () => page.locator('main [role=status], main [role=alert]');
  const tokenLink = async (email: string) => {
    const mail = await smtp.waitForMail(email);
    return /\/console\/invitations#token=[^\s"<]+/.exec(mail.text)![0];
  };

  it('creates an organization, invites and withdraws, makes, rotates and revokes org tokens, and edits the policy', async () => {
    const owner = await newUser(t.api);
    await page.goto(`${t.baseUrl}/console/sign-in`);
    await signIn(owner.email);
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
    await page.getByText('You belong to no organization yet').waitFor();
    await screenshot(page, 'orgs-empty');

    const slug = `acme-${Date.now().toString(36)}`;
    await page.getByLabel('Name', { exact: true }).fill('Acme Browser');
    await page.getByLabel('Slug (optional)').fill(slug);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL(`${t.baseUrl}/console/orgs/${slug}`);
    await page.getByRole('heading', { level: 2, name: 'Members' }).waitFor();
    await page
      .getByRole('row', { name: /\(you\)/ })
      .getByText('owner')
      .waitFor();

    // Invitations: one sent by mail, another withdrawn.
    const invitee = `invitee-${Date.now()}@example.test`;
    const dropped = `dropped-${Date.now()}@example.test`;
    for (const email of [invitee, dropped]) {
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.getByText(`Invitation sent to ${email}.`).waitFor();
    }
    expect(await tokenLink(invitee)).toContain('#token=tsri_');
    await page.getByRole('button', { name: `Withdraw the invitation of ${dropped}` }).click();
    await page.getByText(`The invitation of ${dropped} was withdrawn`).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(dropped) }).count()).resolves.toBe(0);

    // An org token, shown once, acting for the organization.
    await page.getByLabel('Name', { exact: true }).last().fill('billing integration');
    const form = page.locator('form', {
      has: page.getByRole('button', { name: 'Create organization token' }),
    });
    await form.getByRole('checkbox', { name: /tokens:read/ }).check();
    await form.getByRole('checkbox', { name: /profile:read/ }).check();
    await form.getByRole('button', { name: 'Create organization token' }).click();
    const secret = await page.locator('#new-token-secret').inputValue();
    expect(secret).toMatch(/^tsr_/);
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: secret });
    expect(whoami.body).toMatchObject({ role: 'service', orgId: expect.any(String) });
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await screenshot(page, 'org');

    // Rotated: a new secret shown once; the old one refused.
    await page.getByRole('button', { name: 'Rotate billing integration' }).click();
    await page.getByRole('heading', { name: 'Token "billing integration" rotated' }).waitFor();
    const rotated = await page.locator('#new-token-secret').inputValue();
    expect(rotated).not.toBe(secret);
    expect((await t.api.get('/api/v1/auth/whoami', { token: secret })).status).toBe(401);
    expect((await t.api.get('/api/v1/auth/whoami', { token: rotated })).status).toBe(200);

    // The policy tightened: the token made before is listed as outside it, and still works.
    const policy = page.locator('form', {
      has: page.getByRole('heading', { name: 'Token policy' }),
    });
    await policy.getByLabel('Longest lifetime in days (optional)').fill('30');
    await policy.getByRole('checkbox', { name: 'profile:read' }).check();
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await policy.getByText('Policy saved.').waitFor();
    const org = (await t.api.get(`/api/v1/orgs/${slug}`, { token: owner.accessToken })).body;
    expect(org.policy).toEqual({ maxTokenDays: 30, allowedScopes: ['profile:read'] });
    await page
      .getByRole('row', { name: /billing integration/ })
      .getByText('out of policy')
      .waitFor();
    await page.getByLabel('Only tokens outside the policy').check();
    await page.getByRole('row', { name: /billing integration/ }).waitFor();
    expect((await t.api.get('/api/v1/auth/whoami', { token: rotated })).status).toBe(200);

    // Revoked on the page: refused from then on.
    await page.getByRole('button', { name: 'Revoke billing integration' }).click();
    await page.getByText('Token "billing integration" revoked').waitFor();
    expect((await t.api.get('/api/v1/auth/whoami', { token: rotated })).status).toBe(401);
    await screenshot(page, 'org-policy');

    // Its uses, summed for the organization: charts by hour and day, the most used tokens.
    await page.reload();
    const usage = page.locator('section', { has: page.getByRole('heading', { name: 'Usage' }) });
    // The token and its rotated successor, each used above.
    const used = usage.getByRole('row', { name: /billing integration/ });
    await used.first().waitFor();
    await expect(used.count()).resolves.toBe(2);
    await expect(usage.locator('svg').count()).resolves.toBe(2);
    await usage.scrollIntoViewIfNeeded();
    await screenshot(page, 'org-usage');
  }, 120_000);

  it('changes a member\u2019s role and removes a member; a member leaves; the switcher opens another org', async () => {
    const owner = await newUser(t.api);
    const [alice, bob] = [await newUser(t.api), await newUser(t.api)];
    const org = await createOrg(t.api, owner, { name: 'Globex' });
    const other = await createOrg(t.api, owner, { name: 'Initech' });
    await addMember(org.id, alice.id, 'member');
    await addMember(org.id, bob.id, 'member');

    await page.goto(`${t.baseUrl}/console/sign-in`);
    await signIn(owner.email);
    await page.goto(`${t.baseUrl}/console/orgs/${org.slug}`);
    const aliceRow = page.getByRole('row', { name: new RegExp(alice.email) });
    await aliceRow.getByRole('combobox', { name: /Role of/ }).selectOption('admin');
    await aliceRow.getByRole('button', { name: 'Change role' }).click();
    await page.getByText(/is now admin\./).waitFor();
    const members = await t.api.get(`/api/v1/orgs/${org.id}/members`, { token: owner.accessToken });
    expect(members.body.items.find((m: { userId: string }) => m.userId === alice.id).role).toBe(
      'admin',
    );

    await page
      .getByRole('row', { name: new RegExp(bob.email) })
      .getByRole('button', { name: /^Remove/ })
      .click();
    await page.getByText(/was removed from Globex/).waitFor();
    expect((await t.api.get(`/api/v1/orgs/${org.id}`, { token: bob.accessToken })).status).toBe(
      404,
    );

    await page.locator('#org-switcher').selectOption(other.slug);
    await page.waitForURL(`${t.baseUrl}/console/orgs/${other.slug}`);
    await page.locator('.org-summary').getByText('Initech', { exact: true }).waitFor();

    // Alice (an admin now) leaves: back at her organizations, no longer a member.
    await context.clearCookies();
    await page.goto(`${t.baseUrl}/console/sign-in`);
    await signIn(alice.email);
    await page.goto(`${t.baseUrl}/console/orgs/${org.slug}`);
    await page.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
    await screenshot(page, 'org-admin');
    await page
      .getByRole('row', { name: /\(you\)/ })
      .getByRole('button', { name: 'Leave' })
      .click();
    await page.waitForURL(`${t.baseUrl}/console/orgs`);
    expect((await t.api.get(`/api/v1/orgs/${org.id}`, { token: alice.accessToken })).status).toBe(
      404,
    );
  }, 120_000);

  it('takes an invitation link through sign-in to the organization, and says why a used or foreign one fails', async () => {
    const owner = await newUser(t.api);
    const org = await createOrg(t.api, owner, { name: 'Umbrella' });
    const invited: LoggedInUser = await newUser(t.api);
    const stranger = await newUser(t.api);
    const invite = async (email: string) => {
      const sent = await t.api.post(`/api/v1/orgs/${org.id}/invitations`, {
        token: owner.accessToken,
        body: { email, role: 'member' },
      });
      expect(sent.status).toBe(201);
      return tokenLink(email);
    };
    const link = await invite(invited.email);

    // Signed out: asked to sign in (or up) first; the token leaves the address bar.
    await page.goto(`${t.baseUrl}${link}`);
    await page.getByRole('heading', { level: 1, name: 'Join an organization' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'invitation-signed-out');
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await signIn(invited.email, 'Join an organization');
    await screenshot(page, 'invitation');
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.waitForURL(`${t.baseUrl}/console/orgs/${org.slug}`);
    await page
      .getByRole('row', { name: /\(you\)/ })
      .getByText('member')
      .waitFor();

    // The same link again: used.
    await page.goto(`${t.baseUrl}${link}`);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await status().getByText('invalid, used already or expired').waitFor();
    await page.setViewportSize(PHONE);
    await expectUsableOnPhone(page);
    await page.setViewportSize(DESKTOP);

    // Another user's invitation: says whose it is not.
    const foreign = await invite(`someone-else-${Date.now()}@example.test`);
    await context.clearCookies();
    await page.goto(`${t.baseUrl}/console/sign-in`);
    await signIn(stranger.email);
    await page.goto(`${t.baseUrl}${foreign}`);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await status()
      .getByText(`for another email address: you are signed in as ${stranger.email}`)
      .waitFor();
    await screenshot(page, 'invitation-other-user');
  }, 120_000);
});
