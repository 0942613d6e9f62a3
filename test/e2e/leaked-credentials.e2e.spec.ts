import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { BackgroundTasks } from '../../src/common/background/background-tasks.js';
import { generateApiToken } from '../../src/tokens/token-format.js';
import { TOKEN_LEAKED_SUBJECT } from '../../src/mail/templates/token-leaked.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import {
  createToken,
  newUser,
  startAdminApp,
  startTestApp,
  type AdminApp,
  type CreatedToken,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { sleep } from '../support/time.js';
import { sqlPool } from '../support/database.js';

const REPORT = '/api/v1/credentials/revoke';
const MAIL_FROM = 'Tessera <no-reply@tessera.test>';
const REPORTER = '203.0.113.44';

/** A well-formed token with its last checksum character changed. */
function badChecksum(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return token.slice(0, -1) + last;
}

describe('POST /api/v1/credentials/revoke (leaked credentials)', () => {
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let t: AdminApp;
  let db: pg.Pool;
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    // A database of its own: an instance of another file with a WEBHOOK_URL would otherwise
    // claim this file's events from the shared outbox and send them to its own receiver.
    isolated = await isolatedDatabase();
    smtp = await SmtpReceiver.start();
    hooks = await WebhookReceiver.start();
    // Loopback is the trusted proxy here, so X-Forwarded-For names the reporter.
    t = await startAdminApp({
      DATABASE_URL: isolated.url,
      SMTP_URL: smtp.url,
      MAIL_FROM,
      TRUST_PROXY: '127.0.0.1',
      WEBHOOK_URL: hooks.url,
      WEBHOOK_SECRET: 'whsec-test-' + 'a1B2c3'.repeat(6),
      WEBHOOK_POLL_SECONDS: '1',
    });
    db = sqlPool(3, isolated.url);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    await smtp?.close();
    await hooks?.stop();
    await isolated?.drop();
  });

  /** Every piece of after-the-answer work (lookups, revocations, mails) is done. */
  const settled = () => t.app.get(BackgroundTasks).idle();

  const report = (credentials: unknown, ip = REPORTER) =>
    t.api.post(REPORT, {
      body: { credentials },
      headers: { 'x-forwarded-for': ip, 'user-agent': 'scanner/2' },
    });

  async function ownerWithToken(name = 'deploy key'): Promise<[LoggedInUser, CreatedToken]> {
    const user = await newUser(t.api);
    return [user, await createToken(t.api, user.accessToken, { name })];
  }

  const works = async (token: string) =>
    (await t.api.get('/api/v1/tokens/current', { token })).status === 200;

  async function revocationsOf(tokenId: string) {
    const { rows } = await db.query(
      `SELECT actor_id, actor_via, actor_credential_id, owner_id, ip, user_agent, details
       FROM audit_events WHERE action = 'token.revoked' AND target_id = $1`,
      [tokenId],
    );
    return rows;
  }

  const revokedHooks = (tokenId: string) =>
    hooks.about({ tokenId }).filter((hook) => hook.body.type === 'token.revoked');

  it('revokes a live token, and tells its owner by audit event, webhook and mail', async () => {
    const [owner, token] = await ownerWithToken('deploy key');
    expect(await works(token.token)).toBe(true);

    const res = await report([token.token]);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: 1 });
    await settled();

    const next = await t.api.get('/api/v1/tokens/current', { token: token.token });
    expect(next.status).toBe(401);
    const view = await t.api.get(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
    expect(view.body.status).toBe('revoked');

    expect(await revocationsOf(token.id)).toEqual([
      {
        actor_id: null,
        actor_via: 'leak_report',
        actor_credential_id: null,
        owner_id: owner.id,
        ip: REPORTER,
        user_agent: 'scanner/2',
        details: { reason: 'leaked' },
      },
    ]);

    const [hook] = await hooks.waitFor(() => {
      const found = revokedHooks(token.id);
      return found.length > 0 && found;
    });
    expect(hook.body.data).toMatchObject({
      userId: owner.id,
      reason: 'leaked',
      token: { id: token.id, name: 'deploy key', prefix: token.token.slice(0, 8) },
    });
    expect(hook.raw).not.toContain(token.token);

    const mail = await smtp.waitForMail(owner.email);
    expect(mail.from).toBe(MAIL_FROM);
    expect(mail.subject).toBe(TOKEN_LEAKED_SUBJECT);
    expect(mail.text).toContain(`"deploy key" (${token.token.slice(0, 8)}…)`);
    expect(mail.text).toMatch(/revoked at \d{4}-\d\d-\d\dT/);
    expect(mail.text).toContain('Create a new token');
    for (const body of [mail.text, mail.html, mail.subject]) {
      expect(body).not.toContain(token.token);
      expect(body).not.toContain(token.token.slice(8));
    }
  });

  it('answers live, dead, unknown and garbage strings with the very same 202', async () => {
    const [, live] = await ownerWithToken('live');
    const [revokedOwner, revoked] = await ownerWithToken('revoked');
    await t.api.delete(`/api/v1/tokens/${revoked.id}`, { token: revokedOwner.accessToken });
    const [expiredOwner, expired] = await ownerWithToken('expired');
    await db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.id,
    ]);
    const strings = [
      live.token,
      revoked.token,
      expired.token,
      generateApiToken(),
      badChecksum(generateApiToken()),
      'password123',
    ];
    const answers = [];
    for (const credential of strings) answers.push(await report([credential]));
    expect(answers.map((res) => res.status)).toEqual(strings.map(() => 202));
    expect(new Set(answers.map((res) => res.text))).toEqual(new Set(['{"received":1}']));
    expect(new Set(answers.map((res) => res.headers.get('content-type'))).size).toBe(1);
    expect(answers.every((res) => res.headers.get('retry-after') === null)).toBe(true);

    await settled();
    expect(await works(live.token)).toBe(false);
    // Dead tokens are left as they were: no second event, no mail for them.
    expect((await revocationsOf(revoked.id)).map((row) => row.details.reason)).toEqual(['revoked']);
    expect(await revocationsOf(expired.id)).toEqual([]);
    expect(smtp.mailsTo(revokedOwner.email)).toEqual([]);
    expect(smtp.mailsTo(expiredOwner.email)).toEqual([]);
  });

  it('answers at once while the tokens table is locked, and revokes once it is released', async () => {
    const [owner, token] = await ownerWithToken('locked out');
    const locker = await db.connect();
    try {
      await locker.query(`SET lock_timeout = '5s'`);
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE api_tokens IN ACCESS EXCLUSIVE MODE');
      const answers = await Promise.race([
        Promise.all(
          [[token.token], [generateApiToken()], ['garbage']].map((credentials) =>
            report(credentials),
          ),
        ),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the answer waited for the database')), 3000),
        ),
      ]);
      expect(answers.map((res) => res.status)).toEqual([202, 202, 202]);
      expect(new Set(answers.map((res) => res.text)).size).toBe(1);
      // The lookup waits behind the lock: nothing revoked, nobody told yet.
      await sleep(300);
      expect(smtp.mailsTo(owner.email)).toEqual([]);
      const { rows } = await locker.query('SELECT revoked_at FROM api_tokens WHERE id = $1', [
        token.id,
      ]);
      expect(rows).toEqual([{ revoked_at: null }]);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    await smtp.waitForMail(owner.email);
    await settled();
    expect(await works(token.token)).toBe(false);
    expect(await revocationsOf(token.id)).toHaveLength(1);
  });

  it('drops strings no token can be (a bad checksum, a tsr_ shape, a space) without a lookup', async () => {
    const [, token] = await ownerWithToken('typo');
    const locker = await db.connect();
    try {
      await locker.query(`SET lock_timeout = '5s'`);
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE api_tokens IN ACCESS EXCLUSIVE MODE');
      const res = await report([badChecksum(token.token), 'tsr_short', 'ghp_ with a space']);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ received: 3 });
      // No task waits behind the lock: no lookup was started for any of them.
      await Promise.race([
        settled(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('a lookup was started')), 2000),
        ),
      ]);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    expect(await works(token.token)).toBe(true);
  });

  it('counts repeats once: one revocation, one mail, one webhook, also across concurrent reports', async () => {
    const [owner, token] = await ownerWithToken('pasted twice');
    const answers = await Promise.all([
      report([token.token, token.token, token.token]),
      report([token.token], '198.51.100.9'),
      report([token.token, 'noise'], '198.51.100.10'),
    ]);
    expect(answers.map((res) => [res.status, res.body.received])).toEqual([
      [202, 3],
      [202, 1],
      [202, 2],
    ]);
    await settled();
    await smtp.waitForMail(owner.email);
    expect(await revocationsOf(token.id)).toHaveLength(1);
    await hooks.waitFor(() => revokedHooks(token.id).length > 0);
    // Give a second webhook or mail, if any had been recorded, the time to arrive.
    await sleep(1500);
    expect(revokedHooks(token.id)).toHaveLength(1);
    expect(smtp.mailsTo(owner.email)).toHaveLength(1);
  });

  it('revokes each live token of a mixed report and tells each owner of their own only', async () => {
    const [alice, a] = await ownerWithToken('alice ci');
    const [bob, b] = await ownerWithToken('bob laptop');
    const [, spared] = await ownerWithToken('bystander');
    const res = await report(['noise', a.token, generateApiToken(), b.token]);
    expect(res.body).toEqual({ received: 4 });
    const [mailA, mailB] = await Promise.all([
      smtp.waitForMail(alice.email),
      smtp.waitForMail(bob.email),
    ]);
    expect(mailA.text).toContain('"alice ci"');
    expect(mailA.text).not.toContain('bob laptop');
    expect(mailB.text).toContain('"bob laptop"');
    await settled();
    expect(await works(a.token)).toBe(false);
    expect(await works(b.token)).toBe(false);
    expect(await works(spared.token)).toBe(true);
  });

  it('ends a token in its rotation grace period at once, and leaves session tokens alone', async () => {
    const [owner, old] = await ownerWithToken('rotating');
    const rotated = await t.api.post(`/api/v1/tokens/${old.id}/rotate`, {
      token: owner.accessToken,
      body: { gracePeriodSeconds: 3600 },
    });
    expect(rotated.status).toBe(201);
    expect(await works(old.token)).toBe(true);
    await report([old.token, owner.accessToken]);
    await settled();
    expect(await works(old.token)).toBe(false);
    expect(await works(rotated.body.token)).toBe(true);
    expect((await t.api.get('/api/v1/auth/me', { token: owner.accessToken })).status).toBe(200);
  });

  it('revokes an imported (legacy) token reported in its old form, and tells its owner', async () => {
    const owner = await newUser(t.api);
    const secret = `sk_live_${randomBytes(24).toString('base64url')}`;
    const kept = `sk_live_${randomBytes(24).toString('base64url')}`;
    const imported = await t.api.post('/api/v1/admin/tokens/import', {
      token: t.adminToken,
      body: {
        tokens: [
          { ownerId: owner.id, name: 'old deploy key', plaintext: secret, scopes: ['tokens:read'] },
          {
            ownerId: owner.id,
            name: 'old backup key',
            sha256: createHash('sha256').update(kept).digest('hex'),
            scopes: ['tokens:read'],
          },
        ],
      },
    });
    expect(imported.body).toMatchObject({ imported: 2, errors: [] });
    expect(await works(secret)).toBe(true);
    // The owner was told of the import first; that mail is not the point here.
    await smtp.waitForMail(owner.email);

    expect((await report([secret])).status).toBe(202);
    await settled();
    expect(await works(secret)).toBe(false);
    expect(await works(kept)).toBe(true);
    const mail = await smtp.waitForMail(owner.email, 2);
    expect(mail.subject).toBe(TOKEN_LEAKED_SUBJECT);
    expect(mail.text).toContain('"old deploy key" (legacy…)');
    expect(mail.text).not.toContain(secret);
    const listed = await t.api.get('/api/v1/tokens?status=all', { token: owner.accessToken });
    const byName = (name: string) =>
      listed.body.items.find((token: { name: string }) => token.name === name);
    expect(byName('old deploy key').status).toBe('revoked');
    expect(byName('old backup key').status).toBe('active');
    expect((await revocationsOf(byName('old deploy key').id))[0].details).toEqual({
      reason: 'leaked',
    });
  });

  it('never takes a tsr_ string for an imported secret of the same hash', async () => {
    const owner = await newUser(t.api);
    const ours = generateApiToken();
    // Only a hash: the import may hold the hash of any string, a tsr_ one included.
    await t.api.post('/api/v1/admin/tokens/import', {
      token: t.adminToken,
      body: {
        tokens: [
          {
            ownerId: owner.id,
            name: 'hash of a tsr_ string',
            sha256: createHash('sha256').update(ours).digest('hex'),
            scopes: ['tokens:read'],
          },
        ],
      },
    });
    await report([ours]);
    await settled();
    const listed = await t.api.get('/api/v1/tokens', { token: owner.accessToken });
    expect(listed.body.items.map((token: { status: string }) => token.status)).toEqual(['active']);
  });

  it('revokes within a second under 20 concurrent reports of one token, starving nothing else', async () => {
    const [owner, token] = await ownerWithToken('reported by many');
    const bystander = await newUser(t.api);
    const reporters = Array.from({ length: 20 }, (_, i) => `198.51.100.${100 + i}`);
    const others = () => [
      t.api.get('/health/ready'),
      t.api.get('/api/v1/tokens', { token: bystander.accessToken }),
      t.api.get('/api/v1/auth/whoami', { token: bystander.accessToken }),
      t.api.post('/api/v1/auth/register', {
        body: {
          email: `bystander-${randomBytes(6).toString('hex')}@example.test`,
          password: 'correct horse battery',
        },
      }),
    ];
    // The token's row is held for a moment, as a concurrent change would, so that the reports'
    // revocations all pile up behind its lock.
    const holder = await db.connect();
    let started: number;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM api_tokens WHERE id = $1 FOR UPDATE', [token.id]);
      const answers = await Promise.all(reporters.map((ip) => report([token.token], ip)));
      expect(answers.map((res) => res.status)).toEqual(reporters.map(() => 202));
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
      started = Date.now();
    }
    // While the reports are handled, the rest of the service answers as usual, and the token is
    // refused within a second, as a client sees it.
    const unrelated: number[] = [];
    let revokedAfter = Infinity;
    while (Date.now() - started < 6_000) {
      const [current, ...rest] = await Promise.all([
        t.api.get('/api/v1/tokens/current', { token: token.token }),
        ...others(),
      ]);
      unrelated.push(...rest.map((res) => res.status));
      if (current.status === 401) {
        revokedAfter = Date.now() - started;
        break;
      }
    }
    expect(revokedAfter).toBeLessThan(1_000);
    expect(unrelated.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(unrelated)).toEqual(new Set([200, 201]));
    await settled();
    expect(await revocationsOf(token.id)).toHaveLength(1);
    await smtp.waitForMail(owner.email);
    expect(smtp.mailsTo(owner.email)).toHaveLength(1);
  });

  it.each([
    ['no body field', {}],
    ['a string instead of a list', { credentials: 'tsr_x' }],
    ['an object instead of a list', { credentials: { 0: 'tsr_x' } }],
    ['null', { credentials: null }],
    ['an empty list', { credentials: [] }],
    ['101 strings', { credentials: Array.from({ length: 101 }, (_, i) => `s${i}`) }],
    ['a number among the strings', { credentials: ['LIVE', 5] }],
    ['null among the strings', { credentials: ['LIVE', null] }],
    ['a nested list', { credentials: [['LIVE']] }],
    ['an empty string', { credentials: ['LIVE', ''] }],
    ['a string over 512 characters', { credentials: ['LIVE', 'x'.repeat(513)] }],
    ['an unknown field', { credentials: ['LIVE'], notify: false }],
  ])('refuses %s with 400, and revokes nothing', async (_, body) => {
    const [owner, token] = await ownerWithToken('kept');
    const withLive = JSON.parse(JSON.stringify(body).replaceAll('"LIVE"', `"${token.token}"`));
    const res = await t.api.post(REPORT, { body: withLive });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await settled();
    expect(await works(token.token)).toBe(true);
    expect(await revocationsOf(token.id)).toEqual([]);
    expect(smtp.mailsTo(owner.email)).toEqual([]);
  });

  it('takes exactly 100 strings of up to 512 characters', async () => {
    const [, token] = await ownerWithToken('at the limit');
    const credentials = [token.token, ...Array.from({ length: 99 }, () => 'y'.repeat(512))];
    const res = await report(credentials);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: 100 });
    await settled();
    expect(await works(token.token)).toBe(false);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await t.api.post(REPORT, { raw: '{"credentials": [' });
    expect(res.status).toBe(400);
  });

  it('is documented in OpenAPI without security, with 202, 400 and 429', async () => {
    const doc = (await t.api.get('/docs-json')).body;
    const op = doc.paths[REPORT].post;
    expect(op.operationId).toBe('revokeLeakedCredentials');
    expect(op.security ?? []).toEqual([]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['202', '400', '429']));
  });
});

describe('Leaked-credential reports throttling (AUTH_RATE_PER_MINUTE=3)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  const report = (credentials: string[], ip: string) =>
    t.api.post(REPORT, { body: { credentials }, headers: { 'x-forwarded-for': ip } });

  it('refuses the 4th report from one address within a minute, and acts on nothing in it', async () => {
    const user = await newUser(t.api, { 'x-forwarded-for': '203.0.113.90' });
    const token = await createToken(t.api, user.accessToken, { name: 'spared' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await report(['noise'], '203.0.113.91')).status);
    const refused = await report([token.token], '203.0.113.91');
    expect([...statuses, refused.status]).toEqual([202, 202, 202, 429]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    await t.app.get(BackgroundTasks).idle();
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);

    // Another address has its own budget.
    expect((await report([token.token], '203.0.113.92')).status).toBe(202);
    await t.app.get(BackgroundTasks).idle();
    expect((await t.api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(401);
  });
});
