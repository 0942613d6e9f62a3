import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateApiToken } from '../../src/tokens/token-format.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { READ_SCOPE, writePolicyFile } from '../support/forward-auth-policy.js';
import { TOKENS_IMPORTED_SUBJECT } from '../../src/mail/templates/token-imported.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/http/logger.js';
import {
  Api,
  PASSWORD,
  createToken,
  login,
  newUser,
  startAdminApp,
  testConfig,
  uniqueEmail,
  type AdminApp,
  type LoggedInUser,
} from '../support/test-app.js';

const INVALID_TOKEN = 'Bearer realm="tessera", error="invalid_token"';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
/** A token as a hand-rolled table would have issued it. */
const legacySecret = (label = 'sk_live') => `${label}_${randomBytes(24).toString('base64url')}`;

/** `POST /api/v1/admin/tokens/import`, and what the imported tokens then do, over HTTP. */
describe('importing API tokens', () => {
  let t: AdminApp;
  let user: LoggedInUser;
  let policy: ReturnType<typeof writePolicyFile>;
  let verifier: string;

  beforeAll(async () => {
    policy = writePolicyFile();
    t = await startAdminApp({
      ...policy.env,
      TRUST_PROXY: '127.0.0.1',
      MAX_TOKENS_PER_USER: '3',
      TOKEN_RATE_PER_MINUTE: '50',
      LAST_USED_FLUSH_SECONDS: '60',
    });
    verifier = (
      await createToken(t.api, t.adminToken, { scopes: ['tokens:verify', 'tokens:introspect'] })
    ).token;
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await t?.close();
    policy.remove();
  });

  const importTokens = (tokens: unknown[], token = t.adminToken) =>
    t.api.post('/api/v1/admin/tokens/import', { token, body: { tokens } });
  const listAll = async (owner: LoggedInUser) =>
    (await t.api.get('/api/v1/tokens?status=all&limit=100', { token: owner.accessToken })).body
      .items as ({ id: string; name: string } & Record<string, unknown>)[];
  const row = (fields: Record<string, unknown> = {}) => ({
    ownerEmail: user.email,
    name: `imported ${randomUUID()}`,
    sha256: sha256Hex(legacySecret()),
    scopes: ['tokens:read'],
    ...fields,
  });

  it('imports hashes and plaintexts that then work in their old form, and skips them the second time', async () => {
    const [byHash, byPlaintext] = [legacySecret(), legacySecret('key')];
    const rows = [
      {
        ownerEmail: user.email.toUpperCase(),
        name: 'deploy',
        sha256: sha256Hex(byHash).toUpperCase(),
        scopes: ['tokens:read', 'profile:read'],
        expiresAt: '2031-01-01T00:00:00Z',
        createdAt: '2024-02-03T04:05:06Z',
        lastUsedAt: '2025-06-07T08:09:10Z',
        externalId: 'key-41',
      },
      { ownerId: user.id, name: 'backup', plaintext: byPlaintext, scopes: [READ_SCOPE] },
    ];
    const first = await importTokens(rows);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 2, skipped: 0, errors: [], skippedRows: [] });
    // Nothing of a secret or its hash comes back.
    expect(first.text).not.toContain(byPlaintext);

    const listed = await listAll(user);
    const deploy = listed.find((token) => token.name === 'deploy')!;
    expect(deploy).toMatchObject({
      prefix: 'legacy',
      scopes: ['tokens:read', 'profile:read'],
      expiresAt: '2031-01-01T00:00:00.000Z',
      createdAt: '2024-02-03T04:05:06.000Z',
      lastUsedAt: '2025-06-07T08:09:10.000Z',
      externalId: 'key-41',
      status: 'active',
    });
    expect(JSON.stringify(listed)).not.toContain(sha256Hex(byHash));

    // The old strings work as they are, under Bearer and Token.
    const current = await t.api.get('/api/v1/tokens/current', { token: byHash });
    expect(current.status).toBe(200);
    expect(current.body.id).toBe(deploy.id);
    const viaTokenScheme = await t.api.get('/api/v1/tokens/current', {
      headers: { authorization: `Token ${byPlaintext}` },
    });
    expect(viaTokenScheme.status).toBe(200);
    expect(viaTokenScheme.body.name).toBe('backup');

    // Again, with one new row: the known ones are skipped, not duplicated.
    const again = await importTokens([...rows, row({ name: 'third' })]);
    expect(again.body).toEqual({
      imported: 1,
      skipped: 2,
      errors: [],
      skippedRows: [
        { index: 0, reason: 'exists' },
        { index: 1, reason: 'exists' },
      ],
    });
    expect(await listAll(user)).toHaveLength(3);
  });

  it('verifies an imported token on /verify, forward auth and introspection, rate-limited like any', async () => {
    const secret = legacySecret();
    const imported = await importTokens([
      row({ name: 'service', plaintext: secret, sha256: undefined, scopes: [READ_SCOPE] }),
    ]);
    expect(imported.status).toBe(200);
    const [token] = await listAll(user);

    const verified = await t.api.post('/api/v1/verify', {
      token: verifier,
      body: { token: secret, scopes: [READ_SCOPE] },
    });
    expect(verified.body).toMatchObject({
      valid: true,
      code: 'VALID',
      credential: 'api_token',
      userId: user.id,
      tokenId: token.id,
      scopes: [READ_SCOPE],
      rateLimit: { limit: 50, remaining: 49 },
    });

    const forwarded = await t.api.get('/api/v1/forward-auth', {
      token: secret,
      headers: { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/projects/7' },
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.get('x-tessera-token-id')).toBe(token.id);
    expect(forwarded.headers.get('x-tessera-credential')).toBe('api_token');
    expect(forwarded.headers.get('ratelimit-remaining')).toBe('48');
    const refused = await t.api.get('/api/v1/forward-auth', {
      token: secret,
      headers: { 'x-forwarded-method': 'POST', 'x-forwarded-uri': '/projects/7' },
    });
    expect(refused.status).toBe(403);

    const introspected = await t.api.post('/api/v1/introspect', {
      token: verifier,
      body: { token: secret },
    });
    expect(introspected.body).toMatchObject({
      active: true,
      sub: user.id,
      scope: READ_SCOPE,
      credential: 'api_token',
      jti: token.id,
    });

    // Its rate limit is its own, counted as for any API token (49 uses left after the
    // forbidden one, which was charged too).
    let last = 0;
    for (let i = 0; i < 60 && last !== 429; i++) {
      last = (await t.api.get('/api/v1/auth/whoami', { token: secret })).status;
    }
    expect(last).toBe(429);
  });

  it('lets the owner revoke an imported token, and rotate one into a tsr_ token', async () => {
    const [kept, rotated] = [legacySecret(), legacySecret()];
    await importTokens([
      row({ name: 'to revoke', sha256: sha256Hex(kept) }),
      row({ name: 'to rotate', sha256: sha256Hex(rotated), scopes: ['tokens:read'] }),
    ]);
    const tokens = await listAll(user);
    const byName = (name: string) => tokens.find((token) => token.name === name)!;

    const revoke = await t.api.delete(`/api/v1/tokens/${byName('to revoke').id}`, {
      token: user.accessToken,
    });
    expect(revoke.status).toBe(204);
    const afterRevoke = await t.api.get('/api/v1/tokens/current', { token: kept });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.headers.get('www-authenticate')).toBe(INVALID_TOKEN);

    const rotation = await t.api.post(`/api/v1/tokens/${byName('to rotate').id}/rotate`, {
      token: user.accessToken,
      body: {},
    });
    expect(rotation.status).toBe(201);
    expect(rotation.body.token).toMatch(/^tsr_[0-9A-Za-z]{40}$/);
    expect(rotation.body).toMatchObject({ name: 'to rotate', scopes: ['tokens:read'] });
    expect(rotation.body.externalId).toBeUndefined();
    expect((await t.api.get('/api/v1/tokens/current', { token: rotated })).status).toBe(401);
    expect((await t.api.get('/api/v1/tokens/current', { token: rotation.body.token })).status).toBe(
      200,
    );
  });

  it('never brings back an imported token revoked, rotated away, deleted or purged, and says why', async () => {
    const secrets = Array.from({ length: 5 }, () => legacySecret());
    const rows = [
      row({ name: 'revoked', sha256: sha256Hex(secrets[0]) }),
      row({ name: 'rotated', sha256: undefined, plaintext: secrets[1] }),
      row({ name: 'deleted', sha256: sha256Hex(secrets[2]) }),
      row({
        name: 'purged',
        sha256: sha256Hex(secrets[3]),
        createdAt: '2019-01-01T00:00:00Z',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
      row({ name: 'kept', sha256: sha256Hex(secrets[4]) }),
    ];
    expect((await importTokens(rows)).body).toMatchObject({ imported: 5, errors: [] });
    const id = async (name: string) =>
      (await listAll(user)).find((token) => token.name === name)!.id;
    const asOwner = { token: user.accessToken };
    expect((await t.api.delete(`/api/v1/tokens/${await id('revoked')}`, asOwner)).status).toBe(204);
    const rotation = await t.api.post(`/api/v1/tokens/${await id('rotated')}/rotate`, {
      ...asOwner,
      body: { gracePeriodSeconds: 0 },
    });
    expect(rotation.status).toBe(201);
    const deleted = await t.api.delete(
      `/api/v1/tokens/${await id('deleted')}?permanent=true`,
      asOwner,
    );
    expect(deleted.status).toBe(204);
    // The expired one, ended years ago, goes with the purge.
    const purge = await t.api.post('/api/v1/admin/purge', { token: t.adminToken, body: {} });
    expect(purge.status).toBe(200);
    expect((await listAll(user)).map((token) => token.name).sort()).toEqual([
      'kept',
      'revoked',
      'rotated',
      'rotated',
    ]);

    // The same file again: the live one is known, the others stay ended.
    const again = await importTokens(rows);
    expect(again.body).toEqual({
      imported: 0,
      skipped: 5,
      errors: [],
      skippedRows: [
        { index: 0, reason: 'retired' },
        { index: 1, reason: 'retired' },
        { index: 2, reason: 'retired' },
        { index: 3, reason: 'retired' },
        { index: 4, reason: 'exists' },
      ],
    });
    for (const secret of secrets.slice(0, 4)) {
      expect((await t.api.get('/api/v1/auth/whoami', { token: secret })).status).toBe(401);
    }
    expect((await t.api.get('/api/v1/auth/whoami', { token: secrets[4] })).status).toBe(200);
    // Under another owner, or by plaintext: the same secret, the same answer.
    const other = await newUser(t.api);
    const asOther = await importTokens([
      row({ ownerEmail: other.email, name: 'moved', sha256: undefined, plaintext: secrets[2] }),
    ]);
    expect(asOther.body).toMatchObject({
      imported: 0,
      skippedRows: [{ index: 0, reason: 'retired' }],
    });
    expect(await listAll(other)).toEqual([]);
  });

  it('imports each token once when the same rows arrive in concurrent calls', async () => {
    // Every tenth row is bad: reported by each call, never written.
    const rows = Array.from({ length: 50 }, (_, i) =>
      row({ name: `race ${i}`, ...(i % 10 === 9 ? { scopes: ['nope:nothing'] } : {}) }),
    );
    const answers = await Promise.all(Array.from({ length: 4 }, () => importTokens(rows)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers) {
      expect(answer.body.errors.map((e: { index: number }) => e.index)).toEqual([
        9, 19, 29, 39, 49,
      ]);
    }
    const sum = (field: 'imported' | 'skipped') =>
      answers.reduce((total, answer) => total + (answer.body[field] as number), 0);
    expect(sum('imported')).toBe(45);
    expect(sum('skipped')).toBe(135);
    expect(await listAll(user)).toHaveLength(45);
  });

  it('may take a user past the token limit, after which creating one is refused', async () => {
    await createToken(t.api, user.accessToken);
    const result = await importTokens(Array.from({ length: 4 }, () => row()));
    expect(result.body).toEqual({ imported: 4, skipped: 0, errors: [], skippedRows: [] });
    const create = await t.api.post('/api/v1/tokens', {
      token: user.accessToken,
      body: { name: 'one more', scopes: ['tokens:read'] },
    });
    expect(create.status).toBe(409);
    expect(create.body.message).toMatch(/5 active API tokens, the most allowed \(3\)/);
  });

  it('never makes a tsr_ string valid, nor takes one as a legacy secret', async () => {
    const ours = generateApiToken();
    // Its hash may be imported (it is only a hash), but as a tsr_ string it is never looked up
    // among imported tokens.
    expect((await importTokens([row({ sha256: sha256Hex(ours) })])).body.imported).toBe(1);
    expect((await t.api.get('/api/v1/auth/whoami', { token: ours })).status).toBe(401);
    const plaintext = await importTokens([row({ sha256: undefined, plaintext: ours })]);
    expect(plaintext.status).toBe(200);
    expect(plaintext.body).toEqual({
      imported: 0,
      skipped: 0,
      errors: [{ index: 0, message: expect.stringMatching(/must not start with tsr_/) }],
      skippedRows: [],
    });
    expect(plaintext.text).not.toContain(ours);
  });

  it('imports the good rows of a mixed call and reports each bad one by its index', async () => {
    const admin = await newUser(t.api);
    const shared = sha256Hex(legacySecret());
    const known = sha256Hex(legacySecret());
    await importTokens([row({ name: 'known before', sha256: known })]);
    await createToken(t.api, user.accessToken, { name: 'taken name' });
    const before = (await listAll(user)).map((token) => token.id);
    // `null`: a good row; the first of the two duplicates is not at fault.
    const cases: [unknown, RegExp | null][] = [
      [row({ name: 'good one' }), null],
      [row({ ownerEmail: 'nobody@example.test' }), /no user has this ownerEmail/],
      [row({ ownerEmail: undefined, ownerId: randomUUID() }), /no user has this ownerId/],
      [row({ ownerId: user.id }), /one of ownerEmail, ownerId or ownerOrg/],
      [row({ ownerEmail: undefined }), /one of ownerEmail, ownerId or ownerOrg/],
      [row({ name: 'good two', ownerEmail: undefined, ownerId: user.id }), null],
      [row({ plaintext: legacySecret() }), /either sha256 or plaintext/],
      [row({ sha256: undefined }), /either sha256 or plaintext/],
      [row({ sha256: 'xyz' + 'a'.repeat(61) }), /sha256 must be 64 hexadecimal/],
      [row({ sha256: 'ab' }), /sha256 must be 64 hexadecimal/],
      [row({ sha256: undefined, plaintext: 'has a space' }), /visible ASCII/],
      [row({ scopes: ['tokens:read', 'nope:nothing'] }), /unknown scopes: nope:nothing/],
      [row({ scopes: ['admin'] }), /role \(user\) may not hold: admin/],
      [row({ scopes: ['tokens:verify'] }), /role \(user\) may not hold: tokens:verify/],
      [row({ scopes: [] }), /scopes must contain at least 1/],
      [row({ name: ' ' }), /name must not be blank/],
      [row({ expiresAt: 'tomorrow' }), /expiresAt must be an RFC 3339/],
      [row({ createdAt: '2999-01-01T00:00:00Z' }), /createdAt must not be in the future/],
      [
        row({ createdAt: '2024-01-01T00:00:00Z', lastUsedAt: '2023-01-01T00:00:00Z' }),
        /lastUsedAt must not be before createdAt/,
      ],
      [row({ expiresAt: '2999-01-01T00:00:00Z' }), /within 3650 days/],
      [row({ name: 'taken name' }), /already has an active token of this name/],
      [row({ name: 'twice' }), null],
      [row({ name: 'twice' }), /already has an active token of this name/],
      [row({ role: 'admin' }), /property role should not exist/],
      ['a string', /must be a JSON object/],
      [null, /must be a JSON object/],
      [row({ name: 'first of two', sha256: shared }), null],
      [row({ sha256: shared.toUpperCase() }), /the same token as row 26/],
      [row({ name: 'known before', sha256: known }), null],
      [row({ name: 'good three', scopes: ['profile:read'] }), null],
    ];
    const answer = await importTokens(cases.map(([input]) => input));
    expect(answer.status).toBe(200);
    const bad = cases.flatMap(([, pattern], index) => (pattern ? [index] : []));
    expect(answer.body.errors.map((error: { index: number }) => error.index)).toEqual(bad);
    expect(answer.body).toEqual({
      imported: 5,
      skipped: 1,
      errors: bad.map((index) => ({ index, message: expect.stringMatching(cases[index][1]!) })),
      skippedRows: [{ index: cases.length - 2, reason: 'exists' }],
    });

    // The database holds exactly the good rows (the known one once), nothing of the bad ones.
    const after = await listAll(user);
    expect(
      after
        .filter((token) => !before.includes(token.id))
        .map((token) => token.name)
        .sort(),
    ).toEqual(['first of two', 'good one', 'good three', 'good two', 'twice']);
    expect(after.filter((token) => token.name === 'known before')).toHaveLength(1);
    const [firstOfTwo] = after.filter((token) => token.name === 'first of two');
    expect(firstOfTwo).toMatchObject({ prefix: 'legacy', status: 'active' });
    expect((await listAll(admin)).length).toBe(0);

    // The bad rows one at a time: each a 200 reporting it at index 0, and nothing written.
    for (const [input, pattern] of cases.slice(1, 25).filter(([, p]) => p)) {
      const alone = await importTokens([input]);
      expect(alone.status).toBe(200);
      expect(alone.body).toEqual({
        imported: 0,
        skipped: 0,
        errors: [{ index: 0, message: expect.stringMatching(pattern!) }],
        skippedRows: [],
      });
    }
    expect((await listAll(user)).map((token) => token.id).sort()).toEqual(
      after.map((token) => token.id).sort(),
    );
  });

  it('refuses a malformed call as a whole: no rows, too many, not an array, not an admin', async () => {
    expect((await importTokens([])).status).toBe(400);
    const tooMany = await importTokens(Array.from({ length: 1001 }, () => row()));
    expect(tooMany.status).toBe(400);
    expect(String(tooMany.body.message)).toMatch(/tokens must contain no more than 1000/);
    const notArray = await t.api.post('/api/v1/admin/tokens/import', {
      token: t.adminToken,
      body: { tokens: row() },
    });
    expect(notArray.status).toBe(400);
    const extra = await t.api.post('/api/v1/admin/tokens/import', {
      token: t.adminToken,
      body: { tokens: [row()], dryRun: true },
    });
    expect(extra.status).toBe(400);
    const asUser = await importTokens([row()], user.accessToken);
    expect(asUser.status).toBe(403);
    const anonymous = await t.api.post('/api/v1/admin/tokens/import', {
      body: { tokens: [row()] },
    });
    expect(anonymous.status).toBe(401);
    expect(await listAll(user)).toHaveLength(0);
  });

  it('takes a thousand rows in one call, beyond the usual 64 KiB body', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      row({
        name: `bulk ${i} ${'x'.repeat(60)}`,
        externalId: `ext-${i}-${'y'.repeat(40)}`,
        scopes: ['tokens:read', 'profile:read'],
      }),
    );
    const started = Date.now();
    const answer = await importTokens(rows);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ imported: 1000, skipped: 0, errors: [], skippedRows: [] });
    process.stdout.write(`import of 1000 tokens over HTTP: ${Date.now() - started} ms\n`);
  });

  it('records one audit event per imported token, with no secret in it', async () => {
    const secret = legacySecret();
    await importTokens([row({ name: 'audited', sha256: undefined, plaintext: secret })]);
    const [token] = await listAll(user);
    const audit = await t.api.get(`/api/v1/admin/audit?targetId=${token.id}`, {
      token: t.adminToken,
    });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'token.imported',
      actor: { userId: t.adminId, via: 'session' },
      target: { type: 'token', id: token.id, ownerId: user.id },
      details: { name: 'audited', scopes: ['tokens:read'], source: 'api' },
    });
    expect(audit.text).not.toContain(secret);
    expect(audit.text).not.toContain(sha256Hex(secret));
  });

  it('answers a string it does not know from its cache after the first time, and sees an import at once', async () => {
    const dataSource = t.app.get(DataSource);
    const queries: string[] = [];
    const logger = dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      queries.push(query);
      return logQuery(query, parameters, runner);
    };
    try {
      const garbage = Array.from({ length: 5 }, () => legacySecret('garbage'));
      for (const secret of garbage) {
        expect((await t.api.get('/api/v1/auth/whoami', { token: secret })).status).toBe(401);
      }
      const firstTime = queries.length;
      expect(firstTime).toBe(5);
      for (let round = 0; round < 20; round++) {
        for (const secret of garbage) {
          const answer = await t.api.get('/api/v1/auth/whoami', { token: secret });
          expect(answer.status).toBe(401);
          expect(answer.headers.get('www-authenticate')).toBe(INVALID_TOKEN);
        }
      }
      expect(queries.length).toBe(firstTime);
      // Strings no import can hold (too long, with a tsr_ prefix but a bad checksum) cost none.
      await t.api.get('/api/v1/auth/whoami', { token: 'x'.repeat(1025) });
      await t.api.get('/api/v1/auth/whoami', { token: 'tsr_' + 'a'.repeat(40) });
      expect(queries.length).toBe(firstTime);

      // One of them is imported now: the cached "not found" does not hide it.
      const importedNow = garbage[0];
      expect((await importTokens([row({ sha256: sha256Hex(importedNow) })])).status).toBe(200);
      expect((await t.api.get('/api/v1/auth/whoami', { token: importedNow })).status).toBe(200);
    } finally {
      logger.logQuery = logQuery;
    }
  });
});

/** An import hands out working credentials: it cannot escalate, and each owner is told. */
describe('importing API tokens: who may import what, and who is told', () => {
  let t: AdminApp;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    // A database of its own: an instance of another file with a WEBHOOK_URL would otherwise
    // claim this file's events from the shared outbox and send them to its own receiver.
    isolated = await isolatedDatabase();
    smtp = await SmtpReceiver.start();
    hooks = await WebhookReceiver.start();
    t = await startAdminApp({
      DATABASE_URL: isolated.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      WEBHOOK_URL: hooks.url,
      WEBHOOK_SECRET: 'whsec-test-' + 'a1B2c3'.repeat(6),
      WEBHOOK_POLL_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await hooks?.stop();
    await isolated?.drop();
  });

  const importAs = (token: string, tokens: unknown[]) =>
    t.api.post('/api/v1/admin/tokens/import', { token, body: { tokens } });
  const listAll = async (owner: LoggedInUser) =>
    (await t.api.get('/api/v1/tokens?status=all', { token: owner.accessToken })).body.items as {
      id: string;
      name: string;
    }[];

  it('imports only scopes the importing credential holds: each other row is refused and writes nothing', async () => {
    const owner = await newUser(t.api);
    const adminOnly = (await createToken(t.api, t.adminToken, { scopes: ['admin'] })).token;
    const narrow = (await createToken(t.api, t.adminToken, { scopes: ['admin', 'tokens:read'] }))
      .token;
    const row = (name: string, scopes: string[]) => ({
      ownerId: owner.id,
      name,
      sha256: sha256Hex(legacySecret()),
      scopes,
    });

    const refused = await importAs(adminOnly, [row('escalated', ['tokens:read'])]);
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({
      imported: 0,
      skipped: 0,
      errors: [{ index: 0, message: 'the importing credential does not hold: tokens:read' }],
      skippedRows: [],
    });
    const mixed = await importAs(narrow, [
      row('within', ['tokens:read']),
      row('beyond', ['tokens:read', 'tokens:write', 'profile:read']),
    ]);
    expect(mixed.body).toEqual({
      imported: 1,
      skipped: 0,
      errors: [
        { index: 1, message: 'the importing credential does not hold: tokens:write, profile:read' },
      ],
      skippedRows: [],
    });
    expect((await listAll(owner)).map((token) => token.name)).toEqual(['within']);
    // An admin's session holds every scope its role may grant.
    const bySession = await importAs(t.adminToken, [row('by session', ['tokens:write'])]);
    expect(bySession.body).toMatchObject({ imported: 1, errors: [] });
  });

  it('holds an importing API token to its own limits: none held to an allowlist, rate limit or quota imports; none outlives it', async () => {
    const owner = await newUser(t.api);
    const row = (name: string, extra: Record<string, unknown> = {}) => ({
      ownerId: owner.id,
      name,
      plaintext: legacySecret(),
      scopes: ['tokens:read'],
      ...extra,
    });
    const scopes = ['admin', 'tokens:read'];
    for (const [limits, held] of [
      [{ allowedIps: ['127.0.0.1/32'] }, 'an IP allowlist'],
      [{ rateLimit: { perMinute: 10 } }, 'a rate limit of its own'],
      [{ quota: { limit: 50, period: 'total' } }, 'a quota'],
    ] as const) {
      const importer = await createToken(t.api, t.adminToken, { scopes, ...limits });
      const refused = await importAs(importer.token, [row(`escape ${held}`)]);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain(`An API token held to ${held} cannot import tokens`);
    }
    expect(await listAll(owner)).toEqual([]);

    // An importing token with an expiry: rows without one get its expiry, later ones are refused.
    const expiring = await createToken(t.api, t.adminToken, { scopes, expiresInDays: 1 });
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const sooner = new Date(Date.now() + 3_600_000).toISOString();
    const imported = await importAs(expiring.token, [
      row('no expiry'),
      row('later', { expiresAt: later }),
      row('sooner', { expiresAt: sooner }),
    ]);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ imported: 2, skipped: 0 });
    expect(imported.body.errors).toEqual([
      {
        index: 1,
        message: `expiresAt must be no later than ${String(expiring.expiresAt)}, when the importing API token expires`,
      },
    ]);
    const views = (
      await t.api.get('/api/v1/tokens?status=all', { token: owner.accessToken })
    ).body.items.map((token: { name: string; expiresAt: string }) => [token.name, token.expiresAt]);
    expect(Object.fromEntries(views)).toEqual({
      'no expiry': expiring.expiresAt,
      sooner: new Date(sooner).toISOString(),
    });
  });

  it('tells each owner: a token.created webhook with imported: true per token, and one mail', async () => {
    const [ada, bob] = [await newUser(t.api), await newUser(t.api)];
    const secret = legacySecret();
    const answer = await importAs(t.adminToken, [
      { ownerId: ada.id, name: 'ada deploy', plaintext: secret, scopes: ['tokens:read'] },
      {
        ownerId: ada.id,
        name: 'ada backup',
        sha256: sha256Hex(legacySecret()),
        scopes: ['profile:read'],
      },
      {
        ownerId: bob.id,
        name: 'bob ci',
        sha256: sha256Hex(legacySecret()),
        scopes: ['tokens:read'],
      },
    ]);
    expect(answer.body).toMatchObject({ imported: 3, errors: [] });
    const adaTokens = await listAll(ada);

    const created = await hooks.waitFor(() => {
      const found = hooks
        .about({ userId: ada.id })
        .filter((hook) => hook.body.type === 'token.created');
      return found.length === 2 && found;
    });
    for (const hook of created) {
      expect(hook.body.data).toMatchObject({ userId: ada.id, imported: true });
      expect(adaTokens.map((token) => token.id)).toContain(hook.body.data.token.id);
      expect(hook.raw).not.toContain(secret);
      expect(hook.raw).not.toContain(sha256Hex(secret));
    }
    await hooks.waitFor(
      () =>
        hooks.about({ userId: bob.id }).filter((h) => h.body.type === 'token.created').length === 1,
    );

    const mail = await smtp.waitForMail(ada.email);
    expect(mail.subject).toBe(TOKENS_IMPORTED_SUBJECT);
    expect(mail.text).toContain('2 API tokens were imported');
    expect(mail.text).toContain('"ada deploy"');
    expect(mail.text).toContain('"ada backup"');
    expect(mail.text).not.toContain('bob ci');
    expect(mail.text).not.toContain(secret);
    expect((await smtp.waitForMail(bob.email)).text).toContain('"bob ci"');
    // One mail per owner and import.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mailsTo(ada.email)).toHaveLength(1);
  });

  it('tells nobody of a row that was refused or skipped', async () => {
    const owner = await newUser(t.api);
    const known = sha256Hex(legacySecret());
    await importAs(t.adminToken, [
      { ownerId: owner.id, name: 'first', sha256: known, scopes: ['tokens:read'] },
    ]);
    await smtp.waitForMail(owner.email);
    const again = await importAs(t.adminToken, [
      { ownerId: owner.id, name: 'again', sha256: known, scopes: ['tokens:read'] },
      { ownerId: owner.id, name: 'bad', sha256: sha256Hex(legacySecret()), scopes: ['admin'] },
    ]);
    expect(again.body).toMatchObject({ imported: 0, skipped: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mailsTo(owner.email)).toHaveLength(1);
    expect(
      hooks.about({ userId: owner.id }).filter((h) => h.body.type === 'token.created'),
    ).toHaveLength(1);
  });
});

/** What the service logs while importing and using legacy secrets: never one of them. */
describe('importing API tokens: the log', () => {
  it('holds no plaintext or hash of an imported token, at debug level, errors included', async () => {
    const lines: string[] = [];
    const config = testConfig({
      LOG_LEVEL: 'debug',
      ADMIN_EMAIL: uniqueEmail('admin'),
      ADMIN_PASSWORD: PASSWORD,
    });
    const app = await createApp(
      config,
      createLogger('debug', { write: (line: string) => lines.push(line) }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const api = new Api((await app.getUrl()).replace('[::1]', '127.0.0.1'));
      const admin = (await login(api, config.adminEmail!)).body.accessToken as string;
      const owner = await newUser(api);
      const [good, bad] = [legacySecret(), legacySecret()];
      const post = (tokens: unknown[]) =>
        api.post('/api/v1/admin/tokens/import', { token: admin, body: { tokens } });
      expect(
        (
          await post([
            { ownerId: owner.id, name: 'logged?', plaintext: good, scopes: ['tokens:read'] },
          ])
        ).status,
      ).toBe(200);
      const refused = await post([
        { ownerId: owner.id, name: 'bad', plaintext: `${bad} x`, scopes: ['nope:nope'] },
        { ownerId: owner.id, name: 'dup', plaintext: good, sha256: sha256Hex(bad), scopes: [] },
      ]);
      expect(refused.status).toBe(200);
      expect(refused.body.errors.map((e: { index: number }) => e.index)).toEqual([0, 1]);
      expect(refused.text).not.toContain(bad);
      expect((await api.get('/api/v1/auth/whoami', { token: good })).status).toBe(200);
      expect((await api.get('/api/v1/auth/whoami', { token: bad })).status).toBe(401);
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('"url":"/api/v1/admin/tokens/import"');
    expect(log).not.toMatch(/sk_live_/);
    expect(log).not.toMatch(/[0-9a-f]{64}/);
  });
});
