import fc from 'fast-check';
import { createOrg } from '../support/orgs.js';
import { SmtpReceiver } from '../support/smtp-receiver.js';
import { newUser, startTestApp, type LoggedInUser, type TestApp } from '../support/test-app.js';

/**
 * Isolation, property-based: random operations by several users across three organizations
 * (invite and accept, remove or leave, change roles, make, rotate and revoke org tokens), each
 * answered as a model of the rules says; after every step, no credential reads anything of an
 * organization it does not belong to, and every removed member and ended token is refused.
 */

const ROLES = ['member', 'admin', 'owner'] as const;
type Role = (typeof ROLES)[number];
const RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };
const mayManage = (actor: Role, role: Role) =>
  actor === 'owner' || (actor === 'admin' && role !== 'owner');

const USERS = 4;
const ORGS = 3;

type Op =
  | { kind: 'invite'; actor: number; org: number; target: number; role: Role }
  | { kind: 'role'; actor: number; org: number; target: number; role: Role }
  | { kind: 'remove'; actor: number; org: number; target: number }
  | { kind: 'makeToken'; actor: number; org: number }
  | { kind: 'rotate'; actor: number; org: number; token: number }
  | { kind: 'revoke'; actor: number; org: number; token: number };

const user = fc.integer({ min: 0, max: USERS - 1 });
const org = fc.integer({ min: 0, max: ORGS - 1 });
const role = fc.constantFrom(...ROLES);
const tokenIndex = fc.integer({ min: 0, max: 7 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('invite' as const), actor: user, org, target: user, role }),
  fc.record({ kind: fc.constant('role' as const), actor: user, org, target: user, role }),
  fc.record({ kind: fc.constant('remove' as const), actor: user, org, target: user }),
  fc.record({ kind: fc.constant('makeToken' as const), actor: user, org }),
  fc.record({ kind: fc.constant('rotate' as const), actor: user, org, token: tokenIndex }),
  fc.record({ kind: fc.constant('revoke' as const), actor: user, org, token: tokenIndex }),
);

interface OrgToken {
  org: number;
  id: string;
  secret: string;
  active: boolean;
}

describe('Organizations keep to themselves (property-based, over HTTP)', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tessera <no-reply@tessera.test>',
      PUBLIC_URL: 'https://app.tessera.test',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('answers every operation as the rules say, and no credential crosses organizations', async () => {
    const seed = Number(process.env.ORG_FUZZ_SEED ?? Date.now() % 1_000_000_000);
    process.stdout.write(`Organization isolation property: seed ${seed}\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        const users: LoggedInUser[] = [];
        for (let i = 0; i < USERS; i++) users.push(await newUser(t.api));
        const orgs = [];
        // Org i is created by user i: users 0–2 own one each, user 3 starts in none.
        for (let i = 0; i < ORGS; i++) orgs.push(await createOrg(t.api, users[i]));
        const members: Map<number, Role>[] = orgs.map((_, i) => new Map([[i, 'owner']]));
        const tokens: OrgToken[] = [];
        const mails = new Map<string, number>();

        const check = (step: string, status: number, expected: number) => {
          if (status !== expected) throw new Error(`${step}: ${status}, expected ${expected}`);
        };
        const owners = (o: number) => [...members[o].values()].filter((r) => r === 'owner').length;

        for (const [n, o] of ops.entries()) {
          const step = `#${n} ${JSON.stringify(o)}`;
          const actor = users[o.actor];
          const base = `/api/v1/orgs/${orgs[o.org].id}`;
          const actorRole = members[o.org].get(o.actor);
          const denied = (needed: Role): number | null =>
            actorRole === undefined ? 404 : RANK[actorRole] < RANK[needed] ? 403 : null;
          if (o.kind === 'invite') {
            const target = users[o.target];
            const answer = await t.api.post(`${base}/invitations`, {
              token: actor.accessToken,
              body: { email: target.email, role: o.role },
            });
            const expected =
              denied('admin') ??
              (!mayManage(actorRole!, o.role) ? 403 : members[o.org].has(o.target) ? 409 : 201);
            check(step, answer.status, expected);
            if (expected !== 201) continue;
            const count = (mails.get(target.email) ?? 0) + 1;
            mails.set(target.email, count);
            const mail = await smtp.waitForMail(target.email, count);
            const token = /#token=(tsri_[A-Za-z0-9_-]{43})/.exec(mail.text)![1];
            const accepted = await t.api.post('/api/v1/invitations/accept', {
              token: target.accessToken,
              body: { token },
            });
            check(`${step} accept`, accepted.status, 200);
            members[o.org].set(o.target, o.role);
          } else if (o.kind === 'role') {
            const answer = await t.api.patch(`${base}/members/${users[o.target].id}`, {
              token: actor.accessToken,
              body: { role: o.role },
            });
            const current = members[o.org].get(o.target);
            const expected =
              denied('admin') ??
              (current === undefined
                ? 404
                : !mayManage(actorRole!, current) || !mayManage(actorRole!, o.role)
                  ? 403
                  : current === 'owner' && o.role !== 'owner' && owners(o.org) <= 1
                    ? 409
                    : 200);
            check(step, answer.status, expected);
            if (expected === 200) members[o.org].set(o.target, o.role);
          } else if (o.kind === 'remove') {
            const answer = await t.api.delete(`${base}/members/${users[o.target].id}`, {
              token: actor.accessToken,
            });
            const leaving = o.actor === o.target;
            const current = members[o.org].get(o.target);
            const expected =
              denied(leaving ? 'member' : 'admin') ??
              (current === undefined
                ? 404
                : !leaving && !mayManage(actorRole!, current)
                  ? 403
                  : current === 'owner' && owners(o.org) <= 1
                    ? 409
                    : 204);
            check(step, answer.status, expected);
            if (expected === 204) members[o.org].delete(o.target);
          } else if (o.kind === 'makeToken') {
            const answer = await t.api.post(`${base}/tokens`, {
              token: actor.accessToken,
              body: { name: `t${n}`, scopes: ['tokens:read'] },
            });
            const expected = denied('admin') ?? 201;
            check(step, answer.status, expected);
            if (expected === 201) {
              tokens.push({
                org: o.org,
                id: answer.body.id,
                secret: answer.body.token,
                active: true,
              });
            }
          } else {
            const target = tokens[o.token % Math.max(tokens.length, 1)];
            if (!target) continue;
            const path = `${base}/tokens/${target.id}`;
            const answer =
              o.kind === 'rotate'
                ? await t.api.post(`${path}/rotate`, { token: actor.accessToken, body: {} })
                : await t.api.delete(path, { token: actor.accessToken });
            const expected =
              denied('admin') ??
              (target.org !== o.org ? 404 : o.kind === 'revoke' ? 204 : target.active ? 201 : 409);
            check(step, answer.status, expected);
            if (expected === 204) target.active = false;
            if (expected === 201) {
              target.active = false;
              tokens.push({
                org: o.org,
                id: answer.body.id,
                secret: answer.body.token,
                active: true,
              });
            }
          }

          // No credential reads an organization it is not in; removed members are refused.
          for (const [u, who] of users.entries()) {
            for (const [g, each] of orgs.entries()) {
              const read = await t.api.get(`/api/v1/orgs/${each.id}/tokens`, {
                token: who.accessToken,
              });
              check(
                `${step}: user ${u} reads org ${g}`,
                read.status,
                members[g].has(u) ? 200 : 404,
              );
            }
          }
          for (const [k, token] of tokens.entries()) {
            for (const [g, each] of orgs.entries()) {
              const read = await t.api.get(`/api/v1/orgs/${each.id}`, { token: token.secret });
              const expected = !token.active ? 401 : token.org === g ? 200 : 404;
              check(
                `${step}: token ${k} of org ${token.org} reads org ${g}`,
                read.status,
                expected,
              );
            }
          }
        }
      }),
      { numRuns: 12, seed, endOnFailure: true },
    );
    // Each run is a few dozen requests over HTTP: minutes on a busy 2-core machine, not 30 s.
  }, 300_000);
});
