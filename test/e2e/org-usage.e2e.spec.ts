import { addMember, createOrg, type CreatedOrg } from '../support/orgs.js';
import { newUser, startAdminApp, type AdminApp, type LoggedInUser } from '../support/test-app.js';

interface Point {
  start: string;
  valid: number;
  refused: Record<string, number>;
}

const HOUR = 3_600_000;
const currentHour = () => new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();

/** Usage of an organization's API tokens: one token's series, and the org's sum of them all. */
describe("Organizations' API token usage", () => {
  let t: AdminApp;
  let owner: LoggedInUser;
  let member: LoggedInUser;
  let org: CreatedOrg;

  async function orgToken(body: Record<string, unknown> = {}, ref = org.id, who = owner) {
    const created = await t.api.post(`/api/v1/orgs/${ref}/tokens`, {
      token: who.accessToken,
      body: { name: `org token ${Math.random()}`, scopes: ['tokens:read'], ...body },
    });
    if (created.status !== 201) throw new Error(`org token create failed: ${created.text}`);
    return created.body as { id: string; token: string; name: string; [k: string]: unknown };
  }
  const use = (secret: string) => t.api.get('/api/v1/auth/whoami', { token: secret });
  const tokenUsage = (id: string, query = '', who = member, ref = org.id) =>
    t.api.get(`/api/v1/orgs/${ref}/tokens/${id}/usage${query}`, { token: who.accessToken });
  const orgUsage = (query = '', who = member, ref = org.id) =>
    t.api.get(`/api/v1/orgs/${ref}/usage${query}`, { token: who.accessToken });

  beforeAll(async () => {
    // No timed flush: what a read shows comes from the flush the read itself makes.
    t = await startAdminApp({ USAGE_FLUSH_SECONDS: '60' });
  });
  beforeEach(async () => {
    owner = await newUser(t.api);
    member = await newUser(t.api);
    org = await createOrg(t.api, owner);
    await addMember(org.id, member.id, 'member');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lets a member read an org token's uses per hour, refusals by code", async () => {
    const token = await orgToken({ rateLimit: { perMinute: 2 } });
    expect((await use(token.token)).status).toBe(200);
    expect((await use(token.token)).status).toBe(200);
    expect((await use(token.token)).status).toBe(429);

    const answer = await tokenUsage(token.id, '', member, org.slug);
    expect(answer.status).toBe(200);
    expect(answer.body.tokenId).toBe(token.id);
    expect(answer.body.granularity).toBe('hour');
    expect(answer.body.series).toHaveLength(24);
    expect(answer.body.series.at(-1)).toEqual({
      start: currentHour(),
      valid: 2,
      refused: { RATE_LIMITED: 1 },
    });
    // The same buckets by day.
    const byDay = await tokenUsage(token.id, '?granularity=day');
    expect(byDay.status).toBe(200);
    expect(byDay.body.series).toHaveLength(30);
    expect(byDay.body.series.at(-1)).toMatchObject({ valid: 2, refused: { RATE_LIMITED: 1 } });
  });

  it("sums the org's tokens per bucket, equal to their own series, and ranks them", async () => {
    const busy = await orgToken({ name: 'busy' });
    const quiet = await orgToken({ name: 'quiet', rateLimit: { perMinute: 1 } });
    const idle = await orgToken({ name: 'idle' });
    for (let i = 0; i < 3; i++) expect((await use(busy.token)).status).toBe(200);
    expect((await use(quiet.token)).status).toBe(200);
    expect((await use(quiet.token)).status).toBe(429);
    // Another org's uses are not this org's.
    const otherOwner = await newUser(t.api);
    const other = await createOrg(t.api, otherOwner);
    const foreign = await orgToken({}, other.id, otherOwner);
    expect((await use(foreign.token)).status).toBe(200);

    const range = `?from=${new Date(Date.now() - 3 * HOUR).toISOString()}`;
    const sum = await orgUsage(range);
    expect(sum.status).toBe(200);
    expect(sum.body.orgId).toBe(org.id);
    expect(sum.body.granularity).toBe('hour');
    const parts = await Promise.all(
      [busy, quiet, idle].map(async (token) => {
        const answer = await tokenUsage(token.id, range);
        expect(answer.status).toBe(200);
        return answer.body.series as Point[];
      }),
    );
    const expected = parts[0].map((point, i) => {
      const refused: Record<string, number> = {};
      for (const part of parts) {
        for (const [code, n] of Object.entries(part[i].refused)) {
          refused[code] = (refused[code] ?? 0) + n;
        }
      }
      return {
        start: point.start,
        valid: parts.reduce((total, part) => total + part[i].valid, 0),
        refused,
      };
    });
    expect(sum.body.series).toEqual(expected);
    expect(sum.body.series.at(-1)).toEqual({
      start: currentHour(),
      valid: 4,
      refused: { RATE_LIMITED: 1 },
    });
    // Tokens without a use in the range are not ranked.
    expect(sum.body.top).toEqual([
      { tokenId: busy.id, name: 'busy', valid: 3, refused: 0 },
      { tokenId: quiet.id, name: 'quiet', valid: 1, refused: 1 },
    ]);
  });

  it('keeps counting a revoked token in the sum', async () => {
    const token = await orgToken({ name: 'gone' });
    expect((await use(token.token)).status).toBe(200);
    expect(
      (
        await t.api.delete(`/api/v1/orgs/${org.id}/tokens/${token.id}`, {
          token: owner.accessToken,
        })
      ).status,
    ).toBe(204);
    const sum = await orgUsage();
    expect(sum.body.series.at(-1)).toMatchObject({ valid: 1 });
    expect(sum.body.top).toEqual([{ tokenId: token.id, name: 'gone', valid: 1, refused: 0 }]);
  });

  it("answers 404 to another org's member, and for another org's token", async () => {
    const token = await orgToken();
    expect((await use(token.token)).status).toBe(200);
    const outsider = await newUser(t.api);
    const theirs = await createOrg(t.api, outsider);
    for (const answer of [
      await tokenUsage(token.id, '', outsider),
      await tokenUsage(token.id, '', outsider, org.slug),
      await orgUsage('', outsider),
      // The outsider's own org does not hold this token.
      await tokenUsage(token.id, '', outsider, theirs.id),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain(token.id);
    }
    // Nor does a member's org answer for a token of another org.
    const foreign = await orgToken({}, theirs.id, outsider);
    expect((await tokenUsage(foreign.id)).status).toBe(404);
    // A personal token's usage route does not reach an org token.
    expect(
      (await t.api.get(`/api/v1/tokens/${token.id}/usage`, { token: owner.accessToken })).status,
    ).toBe(404);
  });

  it.each([
    ['?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', /from must be before to/],
    ['?from=2020-01-01&to=2026-01-01', /at most 400/],
    ['?from=yesterday', /ISO-8601/],
    ['?from=2026-02-30', /ISO-8601/],
    ['?granularity=Week', /granularity/],
  ])('refuses the range %s with 400 on both routes', async (query, message) => {
    const token = await orgToken();
    for (const answer of [await tokenUsage(token.id, query), await orgUsage(query)]) {
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(message);
    }
  });
});
