import pg from 'pg';
import { ConfigError } from '../../src/config.js';
import { SmtpReceiver, resetTokenIn } from '../support/smtp-receiver.js';
import {
  PASSWORD,
  login,
  newUser,
  startAdminApp,
  startTestApp,
  testConfig,
  uniqueEmail,
  type AdminApp,
} from '../support/test-app.js';

const REGISTER = '/api/v1/auth/register';
const PUBLIC_URL = 'https://app.tessera.test';

describe('Who may sign up (REGISTRATION)', () => {
  it('is open by default, and says so publicly', async () => {
    const t = await startTestApp();
    try {
      expect((await t.api.get('/api/v1/auth/registration')).body).toEqual({ mode: 'open' });
      const res = await t.api.post(REGISTER, {
        body: { email: uniqueEmail(), password: PASSWORD },
      });
      expect(res.status).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('refuses every sign-up with 403 when closed, creating nothing', async () => {
    const t = await startTestApp({ REGISTRATION: 'closed' });
    const sql = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sql.connect();
    try {
      expect((await t.api.get('/api/v1/auth/registration')).body).toEqual({ mode: 'closed' });
      const email = uniqueEmail();
      const res = await t.api.post(REGISTER, { body: { email, password: PASSWORD } });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/closed/) });
      const rows = await sql.query('SELECT 1 FROM users WHERE email = $1', [email]);
      expect(rows.rowCount).toBe(0);
    } finally {
      await sql.end();
      await t.close();
    }
  });

  it('admits only emails with a pending organization invitation when by invitation', async () => {
    // The first admin comes from ADMIN_EMAIL whatever REGISTRATION says: the inviter here.
    const t = await startAdminApp({ REGISTRATION: 'invite' });
    try {
      expect((await t.api.get('/api/v1/auth/registration')).body).toEqual({ mode: 'invite' });
      const inviter = { accessToken: t.adminToken };
      const org = await t.api.post('/api/v1/orgs', {
        token: inviter.accessToken,
        body: { name: `Acme ${Date.now()}` },
      });
      expect(org.status).toBe(201);
      const guest = uniqueEmail('guest');
      const invitation = await t.api.post(`/api/v1/orgs/${org.body.id}/invitations`, {
        token: inviter.accessToken,
        body: { email: guest, role: 'member' },
      });
      expect(invitation.status).toBe(201);
      const stranger = await t.api.post(REGISTER, {
        body: { email: uniqueEmail(), password: PASSWORD },
      });
      expect(stranger.status).toBe(403);
      expect(stranger.body.message).toMatch(/invitation/);
      const welcome = await t.api.post(REGISTER, {
        body: { email: guest.toUpperCase(), password: PASSWORD },
      });
      expect(welcome.status).toBe(201);
      // A withdrawn invitation admits nobody.
      const late = uniqueEmail('late');
      const withdrawn = await t.api.post(`/api/v1/orgs/${org.body.id}/invitations`, {
        token: inviter.accessToken,
        body: { email: late, role: 'member' },
      });
      expect(
        (
          await t.api.delete(`/api/v1/orgs/${org.body.id}/invitations/${withdrawn.body.id}`, {
            token: inviter.accessToken,
          })
        ).status,
      ).toBe(204);
      expect(
        (await t.api.post(REGISTER, { body: { email: late, password: PASSWORD } })).status,
      ).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('refuses to start with an unknown REGISTRATION value', () => {
    expect(() => testConfig({ REGISTRATION: 'invite-only' })).toThrow(ConfigError);
    expect(() => testConfig({ REGISTRATION: 'invite-only' })).toThrow(
      /REGISTRATION must be one of open, invite, closed/,
    );
  });
});

describe('POST /admin/users', () => {
  let smtp: SmtpReceiver;
  let t: AdminApp;
  let sql: pg.Client;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    // Closed to strangers: admins make the accounts.
    t = await startAdminApp({
      REGISTRATION: 'closed',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      PUBLIC_URL,
    });
    sql = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
    await smtp?.close();
  });

  it('creates an account with no usable password and mails it a link that sets one', async () => {
    const email = uniqueEmail('made');
    const res = await t.api.post('/api/v1/admin/users', {
      token: t.adminToken,
      body: { email: email.toUpperCase(), name: 'Ada', role: 'user' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email,
      name: 'Ada',
      role: 'user',
      disabled: false,
      createdAt: expect.any(String),
      lastLoginAt: null,
      activeTokens: 0,
      activeSessions: 0,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);

    const mail = await smtp.waitForMail(email);
    expect(mail.text).toContain(`${PUBLIC_URL}/console/reset-password#token=tsrp_`);
    // No password works before the link is used.
    expect((await login(t.api, email)).status).toBe(401);
    const confirmed = await t.api.post('/api/v1/auth/password-reset/confirm', {
      body: { token: resetTokenIn(mail), newPassword: PASSWORD },
    });
    expect(confirmed.status).toBe(204);
    expect((await login(t.api, email)).status).toBe(200);

    const audit = await sql.query(
      `SELECT actor_id FROM audit_events WHERE action = 'user.created' AND target_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([{ actor_id: t.adminId }]);
  });

  it('makes admins too, and answers 409 for a taken email, changing nothing', async () => {
    const admin = await t.api.post('/api/v1/admin/users', {
      token: t.adminToken,
      body: { email: uniqueEmail('second-admin'), role: 'admin' },
    });
    expect(admin.status).toBe(201);
    expect(admin.body.role).toBe('admin');

    const taken = await t.api.post('/api/v1/admin/users', {
      token: t.adminToken,
      body: { email: admin.body.email, role: 'user' },
    });
    expect(taken.status).toBe(409);
    const rows = await sql.query('SELECT role FROM users WHERE email = $1', [admin.body.email]);
    expect(rows.rows).toEqual([{ role: 'admin' }]);
  });

  it('refuses bad input and callers who are not admins', async () => {
    for (const body of [{}, { email: 'not-an-email' }, { email: uniqueEmail(), role: 'root' }]) {
      const res = await t.api.post('/api/v1/admin/users', { token: t.adminToken, body });
      expect(res.status).toBe(400);
    }
    const other = await startAdminApp();
    try {
      const user = await newUser(other.api);
      const res = await other.api.post('/api/v1/admin/users', {
        token: user.accessToken,
        body: { email: uniqueEmail() },
      });
      expect(res.status).toBe(403);
    } finally {
      await other.close();
    }
  });
});
