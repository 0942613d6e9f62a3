import { enableTotp, totpCode } from '../support/mfa.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';
import { PASSWORD, login, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';

const MAIL_FROM = 'Tessera <tessera@example.test>';

describe('REQUIRE_MFA_FOR_ADMINS and security notices', () => {
  let t: AdminApp;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    t = await startAdminApp({
      REQUIRE_MFA_FOR_ADMINS: 'true',
      SMTP_URL: smtp.url,
      MAIL_FROM,
      WEBAUTHN_RP_ID: 'localhost',
      WEBAUTHN_ORIGIN: 'http://localhost:3000',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('an admin without a second factor may only enroll one; enrolled, everything opens at once', async () => {
    const token = t.adminToken;
    const refused = await t.api.get('/api/v1/admin/users', { token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'mfa_enrollment_required' });
    expect(refused.body.message).toMatch(/^mfa_enrollment_required/);
    const created = await t.api.post('/api/v1/tokens', {
      token,
      body: { name: 'x', scopes: ['profile:read'] },
    });
    expect(created.status).toBe(403);
    expect((await t.api.get('/api/v1/sessions', { token })).status).toBe(403);
    // Who am I, the factors, enrolment itself.
    expect((await t.api.get('/api/v1/auth/me', { token })).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/mfa', { token })).status).toBe(200);
    await enableTotp(t.api, token);
    expect((await t.api.get('/api/v1/admin/users', { token })).status).toBe(200);

    // The admin's last factor cannot go while the rule is on.
    const removed = await t.api.delete('/api/v1/auth/mfa/totp', { token });
    expect(removed.status).toBe(409);
    expect((await t.api.get('/api/v1/auth/mfa', { token })).body.totp).toBe(true);

    // With a passkey beside it, TOTP may go.
    const key = new SoftwareAuthenticator('http://localhost:3000', 'localhost');
    const options = await t.api.post('/api/v1/auth/mfa/passkeys/options', { token });
    const added = await t.api.post('/api/v1/auth/mfa/passkeys', {
      token,
      body: { credential: key.register(options.body), name: 'Key' },
    });
    expect(added.status).toBe(201);
    expect((await t.api.delete('/api/v1/auth/mfa/totp', { token })).status).toBe(204);
    expect(
      (await t.api.delete(`/api/v1/auth/mfa/passkeys/${added.body.id}`, { token })).status,
    ).toBe(409);
  });

  it('a user who is not an admin is not held to it', async () => {
    const user = await newUser(t.api);
    expect((await t.api.get('/api/v1/sessions', { token: user.accessToken })).status).toBe(200);
  });

  it('mails the owner when a factor is added or removed, never with a secret', async () => {
    const user = await newUser(t.api);
    const { secret, recoveryCodes } = await enableTotp(t.api, user.accessToken);
    const added = await smtp.waitForMail(user.email);
    expect(added.subject).toBe('A second factor was added to your account');
    expect(added.text).toContain('authenticator app (TOTP) was added');
    expect((await t.api.delete('/api/v1/auth/mfa/totp', { token: user.accessToken })).status).toBe(
      204,
    );
    const removed = await smtp.waitForMail(user.email, 2);
    expect(removed.subject).toBe('A second factor was removed from your account');
    for (const mail of smtp.mailsTo(user.email)) {
      for (const needle of [secret, ...recoveryCodes]) {
        expect(mail.text).not.toContain(needle);
        expect(mail.html).not.toContain(needle);
      }
    }
  });

  it('mails the owner on a sign-in from a new device, not from a known one', async () => {
    const user = await newUser(t.api, { 'user-agent': 'Laptop browser' });
    expect(
      (await login(t.api, user.email, PASSWORD, { 'user-agent': 'Laptop browser' })).status,
    ).toBe(200);
    expect((await login(t.api, user.email, PASSWORD, { 'user-agent': 'Phone app' })).status).toBe(
      200,
    );
    const mail = await smtp.waitForMail(user.email);
    expect(mail.subject).toBe('A new sign-in to your account');
    expect(mail.text).toContain('Phone app');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
  });

  it('a second-factor login from a new device is noticed too', async () => {
    const user = await newUser(t.api, { 'user-agent': 'Laptop browser' });
    const { secret } = await enableTotp(t.api, user.accessToken);
    await smtp.waitForMail(user.email);
    const first = await t.api.post('/api/v1/auth/login', {
      body: { email: user.email, password: PASSWORD },
      headers: { 'user-agent': 'Tablet' },
    });
    const done = await t.api.post('/api/v1/auth/mfa/verify', {
      body: { mfaToken: first.body.mfaToken, code: totpCode(secret) },
      headers: { 'user-agent': 'Tablet' },
    });
    expect(done.status).toBe(200);
    const mail = await smtp.waitForMail(user.email, 2);
    expect(mail.subject).toBe('A new sign-in to your account');
  });
});

describe('REQUIRE_MFA_FOR_ADMINS beyond Tessera’s own routes', () => {
  let t: AdminApp;

  beforeAll(async () => {
    t = await startAdminApp({ REQUIRE_MFA_FOR_ADMINS: 'true' });
  });
  afterAll(() => t?.close());

  it('an admin session without a second factor passes neither forward auth, /verify nor introspection until it enrolls one', async () => {
    // The bootstrap admin enrolls, then makes the verifying service's token and a second admin.
    await enableTotp(t.api, t.adminToken);
    const verifier = await t.api.post('/api/v1/tokens', {
      token: t.adminToken,
      body: { name: 'verifier', scopes: ['tokens:verify'] },
    });
    expect(verifier.status).toBe(201);
    const user = await newUser(t.api);
    const promoted = await t.api.patch(`/api/v1/admin/users/${user.id}`, {
      token: t.adminToken,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    const session = (await login(t.api, user.email)).body.accessToken as string;
    const forwardAuth = () =>
      t.api.get('/api/v1/forward-auth', {
        token: session,
        headers: { 'x-forwarded-method': 'DELETE', 'x-forwarded-uri': '/projects/1' },
      });
    const verify = () =>
      t.api.post('/api/v1/verify', {
        token: verifier.body.token,
        body: { token: session, scopes: ['admin'] },
      });

    const refused = await forwardAuth();
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'mfa_enrollment_required' });
    expect(refused.headers.get('x-tessera-role')).toBeNull();
    const answer = await verify();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ valid: false, code: 'MFA_ENROLLMENT_REQUIRED' });
    const introspect = () =>
      t.api.post('/api/v1/introspect', { token: t.adminToken, body: { token: session } });
    expect((await introspect()).body).toEqual({ active: false });

    // Enrolled: the same session passes both at once.
    await enableTotp(t.api, session);
    const allowed = await forwardAuth();
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('x-tessera-role')).toBe('admin');
    expect((await verify()).body).toMatchObject({ valid: true, code: 'VALID', role: 'admin' });
    expect((await introspect()).body).toMatchObject({ active: true, sub: user.id });
  });
});
