import pg from 'pg';
import { createOrg, addMember, type CreatedOrg } from '../support/orgs.js';
import { SmtpReceiver, type ReceivedMail } from '../support/smtp-receiver.js';
import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

const PUBLIC_URL = 'https://app.tessera.test';

/** The token in the link of an invitation mail. */
function invitationTokenIn(mail: ReceivedMail): string {
  const match =
    /https:\/\/app\.tessera\.test\/console\/invitations#token=(tsri_[A-Za-z0-9_-]{43})/.exec(
      mail.text,
    );
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
}

describe('Invitations to organizations, over real SMTP', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let db: pg.Client;
  let owner: LoggedInUser;
  let org: CreatedOrg;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      PUBLIC_URL,
      INVITATION_DAYS: '3',
    });
    db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  beforeEach(async () => {
    owner = await newUser(t.api);
    org = await createOrg(t.api, owner);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await smtp.close();
  });

  const invite = (email: string, role = 'member', who = owner) =>
    t.api.post(`/api/v1/orgs/${org.id}/invitations`, {
      token: who.accessToken,
      body: { email, role },
    });
  const accept = (token: string, who: LoggedInUser) =>
    t.api.post('/api/v1/invitations/accept', { token: who.accessToken, body: { token } });

  it('mails a single-use link that makes the invited user a member', async () => {
    const invitee = await newUser(t.api);
    const created = await invite(invitee.email.toUpperCase(), 'admin');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: invitee.email, role: 'admin' });
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThanOrEqual(3);
    const mail = await smtp.waitForMail(invitee.email);
    expect(mail.subject).toContain(org.name);
    const token = invitationTokenIn(mail);
    const { rows } = await db.query('SELECT token_hash FROM org_invitations WHERE id = $1', [
      created.body.id,
    ]);
    expect(JSON.stringify(rows[0])).not.toContain(token.slice(5));

    const listed = await t.api.get(`/api/v1/orgs/${org.id}/invitations`, {
      token: owner.accessToken,
    });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);

    const accepted = await accept(token, invitee);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ orgId: org.id, userId: invitee.id, role: 'admin' });
    const read = await t.api.get(`/api/v1/orgs/${org.slug}`, { token: invitee.accessToken });
    expect(read.body.role).toBe('admin');
    const again = await accept(token, invitee);
    expect(again.status).toBe(400);
    const after = await t.api.get(`/api/v1/orgs/${org.id}/invitations`, {
      token: owner.accessToken,
    });
    expect(after.body.items).toEqual([]);
  });

  it('is accepted only by the invited email (403 for another user), and only once under a race', async () => {
    const invitee = await newUser(t.api);
    const stranger = await newUser(t.api);
    await invite(invitee.email);
    const token = invitationTokenIn(await smtp.waitForMail(invitee.email));
    const wrong = await accept(token, stranger);
    expect(wrong.status).toBe(403);
    expect(
      (await t.api.get(`/api/v1/orgs/${org.id}`, { token: stranger.accessToken })).status,
    ).toBe(404);
    const answers = await Promise.all([1, 2, 3, 4].map(() => accept(token, invitee)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400]);
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM org_members WHERE org_id = $1 AND user_id = $2',
      [org.id, invitee.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses unknown, withdrawn and expired links with one and the same 400', async () => {
    const invitee = await newUser(t.api);
    const created = await invite(invitee.email);
    const token = invitationTokenIn(await smtp.waitForMail(invitee.email));
    const withdrawn = await t.api.delete(`/api/v1/orgs/${org.id}/invitations/${created.body.id}`, {
      token: owner.accessToken,
    });
    expect(withdrawn.status).toBe(204);
    const unknown = await accept(`tsri_${'A'.repeat(43)}`, invitee);
    const malformed = await accept('not-a-token', invitee);
    const afterWithdrawal = await accept(token, invitee);
    await invite(invitee.email);
    const second = invitationTokenIn(await smtp.waitForMail(invitee.email, 2));
    await db.query(
      `UPDATE org_invitations SET expires_at = now() - interval '1 second' WHERE org_id = $1`,
      [org.id],
    );
    const expired = await accept(second, invitee);
    for (const answer of [unknown, malformed, afterWithdrawal, expired]) {
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe('This invitation link is invalid, used or expired');
    }
    expect((await t.api.get(`/api/v1/orgs/${org.id}`, { token: invitee.accessToken })).status).toBe(
      404,
    );
  });

  it('answers 409 for an email that belongs to a member, and 403 when an admin invites an owner', async () => {
    const member = await newUser(t.api);
    await addMember(org.id, member.id, 'admin');
    const already = await invite(member.email.toUpperCase());
    expect(already.status).toBe(409);
    const asAdmin = await invite('someone@example.test', 'owner', member);
    expect(asAdmin.status).toBe(403);
    const asMemberAllowed = await invite('someone@example.test', 'admin', member);
    expect(asMemberAllowed.status).toBe(201);
  });

  it('keeps invitations to anyone outside the organization 404, and bad input 400', async () => {
    const outsider = await newUser(t.api);
    const created = await invite('x@example.test');
    const orgToken = await t.api.post(`/api/v1/orgs/${org.id}/tokens`, {
      token: owner.accessToken,
      body: { name: 'svc', scopes: ['tokens:read', 'tokens:write'] },
    });
    const outsiderToken = await createToken(t.api, outsider.accessToken, {
      scopes: ['tokens:read', 'tokens:write'],
    });
    for (const credential of [outsider.accessToken, outsiderToken.token]) {
      for (const [method, path, body] of [
        ['GET', `/api/v1/orgs/${org.id}/invitations`, undefined],
        ['POST', `/api/v1/orgs/${org.id}/invitations`, { email: 'y@example.test', role: 'member' }],
        ['DELETE', `/api/v1/orgs/${org.id}/invitations/${created.body.id}`, undefined],
      ] as const) {
        const answer = await t.api.request(method, path, { token: credential, body });
        expect([method, path, answer.status]).toEqual([method, path, 404]);
      }
    }
    // The organization's own token manages no invitations.
    expect(
      (
        await invite('z@example.test', 'member', {
          accessToken: orgToken.body.token,
        } as LoggedInUser)
      ).status,
    ).toBe(403);
    for (const body of [
      { email: 'not-an-email', role: 'member' },
      { email: 'a@b.test', role: 'boss' },
      { email: 'a@b.test' },
    ]) {
      const answer = await t.api.post(`/api/v1/orgs/${org.id}/invitations`, {
        token: owner.accessToken,
        body,
      });
      expect(answer.status).toBe(400);
    }
    const still = await t.api.get(`/api/v1/orgs/${org.id}/invitations`, {
      token: owner.accessToken,
    });
    expect(still.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });
});
