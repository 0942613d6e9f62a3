import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { ORG_TOKENS_IMPORTED_SUBJECT } from '../../src/mail/templates/token-imported.js';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import { addMember, createOrg } from '../support/orgs.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import { sleep } from '../support/time.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { createToken, newUser, startAdminApp, type AdminApp } from '../support/test-app.js';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const legacySecret = () => `org_key_${randomBytes(24).toString('base64url')}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** `POST /api/v1/admin/tokens/import` with rows naming `ownerOrg`: organizations' tokens. */
describe("importing an organization's API tokens", () => {
  let t: AdminApp;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let db: pg.Client;
  let isolated: IsolatedDatabase;

  beforeAll(async () => {
    // A database of its own: an instance of another file with a WEBHOOK_URL would otherwise
    // claim this file's events from the shared outbox and send them to its own receiver.
    isolated = await isolatedDatabase();
    smtp = await SmtpReceiver.start();
    hooks = await WebhookReceiver.start();
    t = await startAdminApp({
      DATABASE_URL: isolated.url,
      MAX_TOKENS_PER_ORG: '3',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      WEBHOOK_URL: hooks.url,
      WEBHOOK_SECRET: 'whsec-test-' + 'a1B2c3'.repeat(6),
      WEBHOOK_POLL_SECONDS: '1',
    });
    db = new pg.Client({ connectionString: isolated.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    await smtp?.close();
    await hooks?.stop();
    await isolated?.drop();
  });

  const importAs = (token: string, tokens: unknown[]) =>
    t.api.post('/api/v1/admin/tokens/import', { token, body: { tokens } });
  const orgRow = (ownerOrg: string, name: string, extra: Record<string, unknown> = {}) => ({
    ownerOrg,
    name,
    sha256: sha256Hex(legacySecret()),
    scopes: ['tokens:read'],
    ...extra,
  });

  it('imports tokens that act for the organization, made by the importing admin, and tells its admins', async () => {
    const owner = await newUser(t.api);
    const [admin, member] = [await newUser(t.api), await newUser(t.api)];
    const org = await createOrg(t.api, owner);
    await addMember(org.id, admin.id, 'admin', isolated.url);
    await addMember(org.id, member.id, 'member', isolated.url);
    const secret = legacySecret();

    const answer = await importAs(t.adminToken, [
      {
        ownerOrg: org.slug.toUpperCase(),
        name: 'billing',
        plaintext: secret,
        scopes: ['tokens:read'],
      },
      orgRow(org.id, 'reports', { externalId: 'keys/7' }),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ imported: 2, skipped: 0, errors: [], skippedRows: [] });

    // It works in its old form, as the organization: no person behind it.
    const whoami = await t.api.get('/api/v1/auth/whoami', { token: secret });
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({ kind: 'api_token', orgId: org.id, role: 'service' });
    expect(whoami.body.userId).toBeUndefined();
    // Listed with the organization's tokens, made by the admin who imported it; no one's own.
    const listed = await t.api.get(`/api/v1/orgs/${org.id}/tokens`, { token: member.accessToken });
    expect(listed.status).toBe(200);
    const items = listed.body.items as { name: string; orgId: string; createdBy: string }[];
    expect(items.map((i) => i.name).sort()).toEqual(['billing', 'reports']);
    for (const item of items) {
      expect(item).toMatchObject({ orgId: org.id, createdBy: t.adminId, prefix: 'legacy' });
    }
    const owners = await db.query(
      `SELECT user_id FROM api_tokens WHERE org_id = $1 AND user_id IS NOT NULL`,
      [org.id],
    );
    expect(owners.rows).toEqual([]);
    const events = await db.query(
      `SELECT org_id, owner_id FROM audit_events WHERE action = 'token.imported' AND org_id = $1`,
      [org.id],
    );
    expect(events.rows).toEqual([
      { org_id: org.id, owner_id: null },
      { org_id: org.id, owner_id: null },
    ]);

    // A token.created webhook with orgId (and no userId) per token.
    const created = await hooks.waitFor(() => {
      const found = hooks
        .accepted()
        .filter((h) => h.body.type === 'token.created' && h.body.data.orgId === org.id);
      return found.length === 2 && found;
    });
    for (const hook of created) {
      expect(hook.body.data).toMatchObject({ orgId: org.id, imported: true });
      expect(hook.body.data.userId).toBeUndefined();
      expect(hook.raw).not.toContain(secret);
    }

    // One mail to each owner and admin of the organization; none to a plain member.
    for (const who of [owner, admin]) {
      const mail = await smtp.waitForMail(who.email);
      expect(mail.subject).toBe(ORG_TOKENS_IMPORTED_SUBJECT);
      expect(mail.text).toContain(`2 API tokens were imported into the organization ${org.name}`);
      expect(mail.text).toContain('"billing"');
      expect(mail.text).not.toContain(secret);
    }
    await sleep(500);
    expect(smtp.mailsTo(member.email)).toHaveLength(0);
    expect(smtp.mailsTo(owner.email)).toHaveLength(1);
  });

  it("refuses rows the organization's policy forbids, each by its index, and writes none of them", async () => {
    const owner = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    const policy = { maxTokenDays: 30, allowedScopes: ['tokens:read', 'profile:read'] };
    expect(
      (await t.api.patch(`/api/v1/orgs/${org.id}`, { token: owner.accessToken, body: { policy } }))
        .status,
    ).toBe(200);

    const answer = await importAs(t.adminToken, [
      orgRow(org.slug, 'within', { expiresAt: inDays(20) }),
      orgRow(org.slug, 'no expiry'),
      orgRow(org.slug, 'too long', { expiresAt: inDays(40) }),
      orgRow(org.slug, 'wide', { expiresAt: inDays(10), scopes: ['tokens:write'] }),
    ]);
    expect(answer.body.imported).toBe(1);
    expect(answer.body.errors).toEqual([
      { index: 1, message: expect.stringContaining("organization's policy (maxTokenDays)") },
      { index: 2, message: expect.stringContaining("organization's policy (maxTokenDays)") },
      {
        index: 3,
        message: expect.stringContaining('(allowedScopes) does not allow "tokens:write"'),
      },
    ]);

    await t.api.patch(`/api/v1/orgs/${org.id}`, {
      token: owner.accessToken,
      body: { policy: { requireIpAllowlist: true } },
    });
    const pinned = await importAs(t.adminToken, [orgRow(org.slug, 'anywhere')]);
    expect(pinned.body.errors).toEqual([
      { index: 0, message: expect.stringContaining('(requireIpAllowlist)') },
    ]);
    const count = await db.query(`SELECT count(*)::int AS n FROM api_tokens WHERE org_id = $1`, [
      org.id,
    ]);
    expect(count.rows[0].n).toBe(1);
  });

  it('counts against MAX_TOKENS_PER_ORG, and keeps names unique among the active tokens', async () => {
    const owner = await newUser(t.api);
    const org = await createOrg(t.api, owner);
    const made = await t.api.post(`/api/v1/orgs/${org.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'made here', scopes: ['tokens:read'] },
    });
    expect(made.status).toBe(201);

    const answer = await importAs(t.adminToken, [
      orgRow(org.id, 'made here'),
      orgRow(org.id, 'one'),
      // Expired: holds no place under the limit.
      orgRow(org.id, 'old', {
        createdAt: '2024-01-01T00:00:00Z',
        expiresAt: '2024-06-01T00:00:00Z',
      }),
      orgRow(org.id, 'two'),
      orgRow(org.id, 'three'),
    ]);
    expect(answer.body).toMatchObject({
      imported: 3,
      errors: [
        { index: 0, message: 'the organization already has an active token of this name' },
        {
          index: 4,
          message:
            'the organization has 3 active API tokens, the most allowed (3, MAX_TOKENS_PER_ORG)',
        },
      ],
    });
    // The limit holds for a create after the import too.
    const refused = await t.api.post(`/api/v1/orgs/${org.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'one more', scopes: ['tokens:read'] },
    });
    expect(refused.status).toBe(409);
  });

  it('refuses a row naming no organization, a deleted one, or two owners, and one beyond the importer', async () => {
    const owner = await newUser(t.api);
    const [org, gone] = [await createOrg(t.api, owner), await createOrg(t.api, owner)];
    expect(
      (await t.api.delete(`/api/v1/orgs/${gone.id}`, { token: owner.accessToken })).status,
    ).toBe(204);
    const narrow = (await createToken(t.api, t.adminToken, { scopes: ['admin'] })).token;

    const answer = await importAs(t.adminToken, [
      orgRow('no-such-org', 'a'),
      orgRow(gone.slug, 'b'),
      orgRow(org.slug, 'c', { ownerId: owner.id }),
      orgRow('x', 'd'),
    ]);
    expect(answer.body).toEqual({
      imported: 0,
      skipped: 0,
      errors: [
        { index: 0, message: 'no organization has this ownerOrg' },
        { index: 1, message: 'no organization has this ownerOrg' },
        { index: 2, message: 'give one of ownerEmail, ownerId or ownerOrg' },
        { index: 3, message: 'ownerOrg must be longer than or equal to 3 characters' },
      ],
      skippedRows: [],
    });
    const beyond = await importAs(narrow, [orgRow(org.slug, 'e')]);
    expect(beyond.body.errors).toEqual([
      { index: 0, message: 'the importing credential does not hold: tokens:read' },
    ]);
    // Nothing imported, so its admins were told nothing.
    await sleep(500);
    expect(smtp.mailsTo(owner.email)).toHaveLength(0);
  });
});
