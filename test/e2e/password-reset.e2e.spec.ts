import type pg from 'pg';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.factory.js';
import { BackgroundTasks } from '../../src/common/background/background-tasks.js';
import { sha256 } from '../../src/common/crypto/crypto.js';
import { createLogger } from '../../src/common/http/logger.js';
import { SmtpReceiver, resetTokenIn } from '../support/smtp-receiver.js';
import {
  Api,
  PASSWORD,
  expectSessionRevoked,
  login,
  newUser,
  startTestApp,
  testConfig,
  uniqueEmail,
  type TestApp,
} from '../support/test-app.js';
import { sqlPool } from '../support/database.js';

const NEW_PASSWORD = 'a brand new passphrase';
const MAIL_FROM = 'Tessera <no-reply@tessera.test>';
const PUBLIC_URL = 'https://app.tessera.test';
const REQUEST = '/api/v1/auth/password-reset/request';
const CONFIRM = '/api/v1/auth/password-reset/confirm';

describe('Password reset by mail, over real SMTP', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let db: pg.Pool;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM, PUBLIC_URL });
    db = sqlPool(3);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await smtp.close();
  });

  /** Every piece of after-the-answer work (lookups, mails, retries) is done. */
  const settled = () => t.app.get(BackgroundTasks).idle();

  async function requestLink(email: string, count = 1): Promise<string> {
    const res = await t.api.post(REQUEST, { body: { email } });
    expect(res.status).toBe(202);
    return resetTokenIn(await smtp.waitForMail(email, count));
  }

  it('mails a single-use link that sets the password and ends every session', async () => {
    const user = await newUser(t.api);
    const otherDevice = (await login(t.api, user.email)).body;

    const res = await t.api.post(REQUEST, { body: { email: user.email.toUpperCase() } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: expect.any(String) });

    const mail = await smtp.waitForMail(user.email);
    expect(mail.from).toBe(MAIL_FROM);
    expect(mail.to).toEqual([user.email]);
    expect(mail.subject).toBe('Reset your Tessera password');
    const token = resetTokenIn(mail);
    expect(token).toMatch(/^tsrp_[A-Za-z0-9_-]{43}$/);
    const link = `${PUBLIC_URL}/console/reset-password#token=${token}`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('within 30 minutes');
    expect(mail.html).toContain(`href="${link}"`);

    const confirmed = await t.api.post(CONFIRM, { body: { token, newPassword: NEW_PASSWORD } });
    expect(confirmed.status).toBe(204);
    expect(confirmed.text).toBe('');

    expect((await login(t.api, user.email, PASSWORD)).status).toBe(401);
    expect((await login(t.api, user.email, NEW_PASSWORD)).status).toBe(200);
    await expectSessionRevoked(t.api, user);
    await expectSessionRevoked(t.api, otherDevice);

    const reused = await t.api.post(CONFIRM, { body: { token, newPassword: 'yet another one' } });
    expect(reused.status).toBe(400);
    expect((await login(t.api, user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('stores only a hash of the token, valid PASSWORD_RESET_MINUTES', async () => {
    const user = await newUser(t.api);
    const token = await requestLink(user.email);
    const { rows } = await db.query(
      `SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS seconds, used_at
       FROM password_reset_tokens WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ token_hash: sha256(token), seconds: 30 * 60, used_at: null }]);
    const { rows: leaked } = await db.query(
      `SELECT 1 FROM password_reset_tokens t WHERE t::text LIKE '%' || $1 || '%'`,
      [token.slice(5)],
    );
    expect(leaked).toEqual([]);
  });

  it('records the reset and the revoked sessions in the audit log', async () => {
    const user = await newUser(t.api);
    const token = await requestLink(user.email);
    await t.api.post(CONFIRM, {
      body: { token, newPassword: NEW_PASSWORD },
      headers: { 'user-agent': 'reset-test' },
    });
    const { rows } = await db.query(
      `SELECT action, actor_id, actor_via, target_id, ip, user_agent, details FROM audit_events
       WHERE owner_id = $1 AND actor_via = 'reset_link' ORDER BY action`,
      [user.id],
    );
    expect(rows).toEqual([
      {
        action: 'session.revoked',
        actor_id: user.id,
        actor_via: 'reset_link',
        target_id: user.sessionId,
        ip: '127.0.0.1',
        user_agent: 'reset-test',
        details: { reason: 'password_reset' },
      },
      {
        action: 'user.password_reset',
        actor_id: user.id,
        actor_via: 'reset_link',
        target_id: user.id,
        ip: '127.0.0.1',
        user_agent: 'reset-test',
        details: {},
      },
    ]);
  });

  it('refuses an expired link with 400 and leaves the password as it was', async () => {
    const user = await newUser(t.api);
    const token = await requestLink(user.email);
    await db.query(
      `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const res = await t.api.post(CONFIRM, { body: { token, newPassword: NEW_PASSWORD } });
    expect(res.status).toBe(400);
    expect((await login(t.api, user.email, PASSWORD)).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
  });

  it('answers unknown, used and expired tokens alike', async () => {
    const user = await newUser(t.api);
    const used = await requestLink(user.email);
    await t.api.post(CONFIRM, { body: { token: used, newPassword: NEW_PASSWORD } });
    const expired = await requestLink(user.email, 2);
    await db.query(
      `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const answers = await Promise.all(
      [used, expired, `tsrp_${'A'.repeat(43)}`, 'not-even-a-token'].map((token) =>
        t.api.post(CONFIRM, { body: { token, newPassword: 'whatever password' } }),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 400]);
    expect(new Set(answers.map((res) => res.text)).size).toBe(1);
    expect(answers[0].body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'This password-reset link is invalid or has expired',
    });
  });

  it('gives an unknown email the same 202, and sends no mail', async () => {
    const user = await newUser(t.api);
    const unknown = uniqueEmail('nobody');
    const known = await t.api.post(REQUEST, { body: { email: user.email } });
    const missing = await t.api.post(REQUEST, { body: { email: unknown } });
    expect(missing.status).toBe(202);
    expect(missing.text).toBe(known.text);
    expect(missing.headers.get('content-type')).toBe(known.headers.get('content-type'));
    await settled();
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
    expect(smtp.mailsTo(unknown)).toEqual([]);
  });

  it('answers before touching the account: the users table locked, both emails still get 202 at once', async () => {
    const user = await newUser(t.api);
    const unknown = uniqueEmail('nobody');
    const locker = await db.connect();
    try {
      await locker.query(`SET lock_timeout = '5s'`);
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const answers = await Promise.race([
        Promise.all([user.email, unknown].map((email) => t.api.post(REQUEST, { body: { email } }))),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the answer waited for the database')), 3000),
        ),
      ]);
      expect(answers.map((res) => res.status)).toEqual([202, 202]);
      expect(answers[0].text).toBe(answers[1].text);
      expect(smtp.mailsTo(user.email)).toEqual([]);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    await smtp.waitForMail(user.email);
    await settled();
    expect(smtp.mailsTo(unknown)).toEqual([]);
  });

  it('lets a new request supersede the earlier link', async () => {
    const user = await newUser(t.api);
    const first = await requestLink(user.email, 1);
    const second = await requestLink(user.email, 2);
    expect(second).not.toBe(first);
    const stale = await t.api.post(CONFIRM, { body: { token: first, newPassword: NEW_PASSWORD } });
    expect(stale.status).toBe(400);
    const fresh = await t.api.post(CONFIRM, { body: { token: second, newPassword: NEW_PASSWORD } });
    expect(fresh.status).toBe(204);
  });

  it('voids an outstanding link when the password is changed by its owner meanwhile', async () => {
    const user = await newUser(t.api);
    const token = await requestLink(user.email);
    const changed = await t.api.post('/api/v1/auth/password', {
      token: user.accessToken,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    const late = await t.api.post(CONFIRM, { body: { token, newPassword: 'attacker choice 1' } });
    expect(late.status).toBe(400);
    expect((await login(t.api, user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('lets exactly one of two concurrent confirmations of one link win', async () => {
    const user = await newUser(t.api);
    const token = await requestLink(user.email);
    const [a, b] = await Promise.all(
      ['first new password', 'second new password'].map((newPassword) =>
        t.api.post(CONFIRM, { body: { token, newPassword } }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual([204, 400]);
    const winner = a.status === 204 ? 'first new password' : 'second new password';
    const loser = a.status === 204 ? 'second new password' : 'first new password';
    expect((await login(t.api, user.email, winner)).status).toBe(200);
    expect((await login(t.api, user.email, loser)).status).toBe(401);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM audit_events
       WHERE owner_id = $1 AND action = 'user.password_reset'`,
      [user.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('keeps a link usable after a refused password, and enforces the register policy', async () => {
    const user = await newUser(t.api);
    const token = await requestLink(user.email);
    for (const newPassword of ['7 chars', 'p'.repeat(129)]) {
      const res = await t.api.post(CONFIRM, { body: { token, newPassword } });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([expect.stringMatching(/newPassword/)]);
    }
    const ok = await t.api.post(CONFIRM, { body: { token, newPassword: 'p'.repeat(128) } });
    expect(ok.status).toBe(204);
  });

  it.each([
    ['no email', REQUEST, {}],
    ['an invalid email', REQUEST, { email: 'not-an-email' }],
    ['an unknown field', REQUEST, { email: 'a@example.test', admin: true }],
    ['no token', CONFIRM, { newPassword: NEW_PASSWORD }],
    ['a token that is not a string', CONFIRM, { token: 5, newPassword: NEW_PASSWORD }],
  ])('refuses %s with 400', async (_, path, body) => {
    const res = await t.api.post(path, { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('still delivers the mail when the relay refuses the first attempt', async () => {
    const user = await newUser(t.api);
    const before = smtp.attempts;
    smtp.refuseNext = 1;
    const res = await t.api.post(REQUEST, { body: { email: user.email } });
    expect(res.status).toBe(202);
    const token = resetTokenIn(await smtp.waitForMail(user.email));
    expect(smtp.attempts - before).toBe(2);
    const confirmed = await t.api.post(CONFIRM, { body: { token, newPassword: NEW_PASSWORD } });
    expect(confirmed.status).toBe(204);
  });

  it('documents both routes in OpenAPI', async () => {
    const doc = (await t.api.get('/docs-json')).body;
    expect(Object.keys(doc.paths[REQUEST].post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '429']),
    );
    expect(Object.keys(doc.paths[CONFIRM].post.responses)).toEqual(
      expect.arrayContaining(['204', '400', '429']),
    );
  });
});

describe('Password reset throttling (AUTH_RATE_PER_MINUTE=3)', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    // Loopback is the trusted proxy here, so X-Forwarded-For picks the client address.
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM,
      AUTH_RATE_PER_MINUTE: '3',
      TRUST_PROXY: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('refuses the 4th request from one address within a minute, with rate-limit headers', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      answers.push(
        await t.api.post(REQUEST, {
          body: { email: uniqueEmail() },
          headers: from('203.0.113.60'),
        }),
      );
    }
    expect(answers.map((res) => res.status)).toEqual([202, 202, 202, 429]);
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers[3].headers.get('ratelimit-limit')).toBe('3');
  });

  it('refuses the 4th request for one email from any address, and mails nothing for it', async () => {
    const user = await newUser(t.api, from('203.0.113.70'));
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.api.post(REQUEST, {
        body: { email: i % 2 ? user.email.toUpperCase() : user.email },
        headers: from(`198.51.100.${60 + i}`),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    await t.app.get(BackgroundTasks).idle();
    expect(smtp.mailsTo(user.email)).toHaveLength(3);
  });

  it('refuses the 4th confirmation from one address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.api.post(CONFIRM, {
        body: { token: `tsrp_${String(i).repeat(43)}`, newPassword: NEW_PASSWORD },
        headers: from('203.0.113.80'),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});

describe('Password reset mail without SMTP', () => {
  /** An app whose JSON log lines are collected. */
  async function appWithLog(env: Record<string, string>) {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await createApp(testConfig(env), createLogger('trace', sink));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const api = new Api((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    return { app, api, lines };
  }

  it('outside production, writes the mail with its link to the log, and the link works', async () => {
    const { app, api, lines } = await appWithLog({ PUBLIC_URL: 'http://localhost:5173' });
    try {
      const user = await newUser(api);
      expect((await api.post(REQUEST, { body: { email: user.email } })).status).toBe(202);
      await app.get(BackgroundTasks).idle();
      const logged = lines
        .map((line) => JSON.parse(line))
        .find((entry) => entry.to === user.email && entry.text);
      expect(logged).toMatchObject({
        msg: expect.stringMatching(/No SMTP_URL/),
        subject: 'Reset your Tessera password',
        text: expect.stringContaining('http://localhost:5173/console/reset-password#token=tsrp_'),
      });
      const token = /#token=(\S+)/.exec(logged.text)![1];
      const res = await api.post(CONFIRM, { body: { token, newPassword: NEW_PASSWORD } });
      expect(res.status).toBe(204);
    } finally {
      await app.close();
    }
  });

  it('with SMTP, never writes the token or the link to the log, whatever happens', async () => {
    const smtp = await SmtpReceiver.start();
    const { app, api, lines } = await appWithLog({ SMTP_URL: smtp.url, MAIL_FROM });
    try {
      const user = await newUser(api);
      smtp.refuseNext = 1;
      await api.post(REQUEST, { body: { email: user.email } });
      const token = resetTokenIn(await smtp.waitForMail(user.email));
      await api.post(CONFIRM, { body: { token, newPassword: 'short' } });
      await api.post(CONFIRM, { body: { token, newPassword: NEW_PASSWORD } });
      await api.post(CONFIRM, { body: { token, newPassword: NEW_PASSWORD } });
      await app.get(BackgroundTasks).idle();

      const entries = lines.map((line) => JSON.parse(line));
      expect(entries.filter((entry) => entry.url === CONFIRM).map((e) => e.status)).toEqual([
        400, 204, 400,
      ]);
      expect(entries.some((entry) => entry.msg === 'Mail not sent: will retry')).toBe(true);
      const all = lines.join('\n');
      expect(all).not.toContain(token.slice(5));
      expect(all).not.toContain(NEW_PASSWORD);
      expect(all).not.toContain('#token=');
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
