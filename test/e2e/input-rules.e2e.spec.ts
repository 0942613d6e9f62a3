import type pg from 'pg';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import {
  PASSWORD,
  createToken,
  newUser,
  startAdminApp,
  uniqueEmail,
  type AdminApp,
  type ApiResponse,
  type LoggedInUser,
} from '../support/test-app.js';
import { sqlClient } from '../support/database.js';

/** Raw bytes as a body: for text that JSON.stringify would not produce. */
async function postBytes(
  baseUrl: string,
  path: string,
  bytes: Buffer,
  headers: Record<string, string>,
): Promise<ApiResponse> {
  const response = await fetch(baseUrl + path, { method: 'POST', headers, body: bytes });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

function expectBadRequest(res: ApiResponse, message?: RegExp) {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  if (message) expect(String(res.body.message)).toMatch(message);
}

/** One regression test per finding of the input review; each answers 4xx and changes nothing. */
describe('Input rules', () => {
  let db: IsolatedDatabase;
  let t: AdminApp;
  let sql: pg.Client;
  let user: LoggedInUser;

  beforeAll(async () => {
    // Its own database: the purge cases must be able to tell that no purge ran.
    db = await isolatedDatabase();
    t = await startAdminApp({ DATABASE_URL: db.url });
    sql = await sqlClient(db.url);
    user = await newUser(t.api);
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
    await db?.drop();
  });

  const count = async (table: string) =>
    Number((await sql.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  describe('nesting depth is limited before any transform', () => {
    const deep = (levels: number) => `{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it.each([
      ['/api/v1/auth/refresh', false],
      ['/api/v1/auth/login', false],
      ['/api/v1/auth/register', false],
      ['/api/v1/auth/password-reset/request', false],
      ['/api/v1/tokens', true],
      ['/api/v1/introspect', true],
    ])('answers 1,500 levels of nesting on %s with 400', async (path, authenticated) => {
      const res = await t.api.post(path, {
        raw: deep(1500),
        token: authenticated ? t.adminToken : undefined,
      });
      expectBadRequest(res, /nested deeper than 32 levels/);
    });

    it('takes 32 levels and refuses 33 (then as an unknown field, here as too deep)', async () => {
      const ok = await t.api.post('/api/v1/auth/refresh', { raw: deep(31) });
      expect(ok.status).toBe(400);
      expect(String(ok.body.message)).not.toMatch(/nested/);
      expectBadRequest(
        await t.api.post('/api/v1/auth/refresh', { raw: deep(32) }),
        /nested deeper/,
      );
    });

    it('counts brackets inside strings as text, not nesting', async () => {
      const res = await t.api.post('/api/v1/auth/refresh', {
        body: { refreshToken: '['.repeat(150) },
      });
      expect(res.status).toBe(401);
    });

    it('keeps the health route fast while deep bodies arrive', async () => {
      const body = deep(30_000);
      const flood = Array.from({ length: 4 }, () =>
        t.api.post('/api/v1/auth/login', { raw: body }),
      );
      const health = await fetch(`${t.baseUrl}/health/live`);
      expect(health.status).toBe(200);
      for (const res of await Promise.all(flood)) expectBadRequest(res, /nested deeper/);
    });
  });

  describe('text is well-formed Unicode everywhere', () => {
    const lone = 'a\\ud800@example.com';

    it.each([
      ['/api/v1/auth/login', `{"email":"${lone}","password":"${PASSWORD}"}`],
      ['/api/v1/auth/register', `{"email":"${lone}","password":"${PASSWORD}"}`],
      ['/api/v1/auth/password-reset/request', `{"email":"${lone}"}`],
      [
        '/api/v1/auth/token',
        `{"grant_type":"password","username":"${lone}","password":"${PASSWORD}"}`,
      ],
    ])('answers a lone surrogate in the email on %s with 400', async (path, raw) => {
      const res = await t.api.post(path, { raw });
      expect(res.status).toBe(400);
      expect(String(res.body.message)).toMatch(/well-formed Unicode/);
      // The token endpoint answers in RFC 6749's terms.
      expect(res.body.error).toBe(path.endsWith('/token') ? 'invalid_request' : 'Bad Request');
    });

    it('refuses a lone surrogate in a token name or description and creates nothing', async () => {
      const before = await count('api_tokens');
      for (const raw of [
        '{"name":"ci \\udc00","scopes":["tokens:read"]}',
        '{"name":"ci","description":"x\\ud83d","scopes":["tokens:read"]}',
        '{"name\\ud800":"ci","scopes":["tokens:read"]}',
      ]) {
        expectBadRequest(
          await t.api.post('/api/v1/tokens', { token: user.accessToken, raw }),
          /well-formed Unicode/,
        );
      }
      expect(await count('api_tokens')).toBe(before);
    });

    it('refuses invalid UTF-8 bytes in a JSON string instead of storing U+FFFD', async () => {
      const before = await count('api_tokens');
      const bytes = Buffer.concat([
        Buffer.from('{"name":"ci '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('","scopes":["tokens:read"]}'),
      ]);
      const res = await postBytes(t.baseUrl, '/api/v1/tokens', bytes, {
        'content-type': 'application/json',
        authorization: `Bearer ${user.accessToken}`,
      });
      expectBadRequest(res, /UTF-8/);
      // An encoded surrogate (CESU-8) is not UTF-8 either.
      const cesu = Buffer.concat([
        Buffer.from('{"refreshToken":"'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]);
      expectBadRequest(
        await postBytes(t.baseUrl, '/api/v1/auth/refresh', cesu, {
          'content-type': 'application/json',
        }),
        /UTF-8/,
      );
      expect(await count('api_tokens')).toBe(before);
    });

    it('refuses bad percent escapes in forms and query strings', async () => {
      const form = await postBytes(
        t.baseUrl,
        '/api/v1/auth/token',
        Buffer.from('grant_type=refresh_token&refresh_token=%ff%fe'),
        { 'content-type': 'application/x-www-form-urlencoded' },
      );
      expectBadRequest(form, /not UTF-8/);
      const rawBytes = await postBytes(
        t.baseUrl,
        '/api/v1/auth/token',
        Buffer.concat([
          Buffer.from('grant_type=refresh_token&refresh_token='),
          Buffer.from([0xc3]),
        ]),
        { 'content-type': 'application/x-www-form-urlencoded' },
      );
      expectBadRequest(rawBytes, /UTF-8/);
      const query = await t.api.get('/api/v1/tokens?cursor=%ff', { token: user.accessToken });
      expectBadRequest(query, /not UTF-8/);
    });

    it('stores text outside the BMP and combining marks exactly as sent', async () => {
      const name = 'deploy 🔑 ü e\u0301 漢字';
      const description = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u200d✓';
      const created = await createToken(t.api, user.accessToken, { name, description });
      expect(created).toMatchObject({ name, description });
      const read = await t.api.get(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      expect(read.body).toMatchObject({ name, description });
      const { rows } = await sql.query(`SELECT name, description FROM api_tokens WHERE id = $1`, [
        created.id,
      ]);
      expect(rows[0]).toEqual({ name, description });
    });
  });

  describe('date-times have one strict form', () => {
    const refused = [
      '2030-W01-1',
      '2030-100',
      '20300101T000000Z',
      '2030-01-01T00Z',
      '2030-01-01T00:00Z',
      '2030-01-01',
      '2030-02-30T00:00:00Z',
      '2030-01-01T24:00:00Z',
      '2030-01-01T00:00:00',
      '2030-01-01 00:00:00Z',
      '2030-01-01T00:00:00+2400',
      '+012030-01-01T00:00:00Z',
    ];

    it.each(refused)('refuses expiresAt %s with 400 and creates nothing', async (expiresAt) => {
      const before = await count('api_tokens');
      const res = await t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: `dated ${expiresAt}`, scopes: ['tokens:read'], expiresAt },
      });
      expectBadRequest(res, /RFC 3339/);
      expect(await count('api_tokens')).toBe(before);
    });

    it.each(refused)('refuses audit since/until %s with 400', async (when) => {
      for (const name of ['since', 'until']) {
        const res = await t.api.get(`/api/v1/admin/audit?${name}=${encodeURIComponent(when)}`, {
          token: t.adminToken,
        });
        expectBadRequest(res, /RFC 3339/);
      }
    });

    it('takes offsets and fractions, and reads them as the instant they name', async () => {
      const created = await createToken(t.api, user.accessToken, {
        name: 'offset expiry',
        expiresAt: '2031-06-30T23:30:00.250+02:00',
      });
      expect(created.expiresAt).toBe('2031-06-30T21:30:00.250Z');
      const audit = await t.api.get(
        '/api/v1/admin/audit?since=2020-01-01T00:00:00Z&until=2999-12-31T23:59:59.999-01:00',
        { token: t.adminToken },
      );
      expect(audit.status).toBe(200);
    });
  });

  describe('null is refused unless the field is nullable', () => {
    it('refuses expiresInDays: null instead of making an expired token', async () => {
      const before = await count('api_tokens');
      const res = await t.api.post('/api/v1/tokens', {
        token: user.accessToken,
        body: { name: 'null days', scopes: ['tokens:read'], expiresInDays: null },
      });
      expectBadRequest(res);
      expect(await count('api_tokens')).toBe(before);
    });

    it('refuses dryRun: null on purge and job runs instead of running a real purge', async () => {
      const runs = await count('job_runs');
      expectBadRequest(
        await t.api.post('/api/v1/admin/purge', { token: t.adminToken, body: { dryRun: null } }),
      );
      expectBadRequest(
        await t.api.post('/api/v1/admin/jobs/purge-tokens/run', {
          token: t.adminToken,
          body: { dryRun: null },
        }),
      );
      expect(await count('job_runs')).toBe(runs);
    });

    it('refuses gracePeriodSeconds: null, a null body and null fields on PATCH', async () => {
      const token = await createToken(t.api, user.accessToken, { name: 'nulls' });
      expectBadRequest(
        await t.api.post(`/api/v1/tokens/${token.id}/rotate`, {
          token: user.accessToken,
          body: { gracePeriodSeconds: null },
        }),
      );
      for (const raw of ['null', '[]', '"x"', '5', '{"name":null}', '{"scopes":null}']) {
        const res = await t.api.request('PATCH', `/api/v1/tokens/${token.id}`, {
          token: user.accessToken,
          raw,
        });
        expectBadRequest(res);
      }
      const after = await t.api.get(`/api/v1/tokens/${token.id}`, { token: user.accessToken });
      expect(after.body).toMatchObject({
        name: 'nulls',
        status: 'active',
        scopes: ['tokens:read'],
      });
    });

    it('still takes null where the document says nullable (description clears it)', async () => {
      const token = await createToken(t.api, user.accessToken, {
        name: 'described',
        description: 'to clear',
      });
      const res = await t.api.request('PATCH', `/api/v1/tokens/${token.id}`, {
        token: user.accessToken,
        body: { description: null },
      });
      expect(res.status).toBe(200);
      expect(res.body.description).toBeNull();
    });
  });

  describe('emails an account can be keyed on', () => {
    it.each([
      ['a bidi override after the domain', 'ada@example.com\u202e'],
      ['a bidi override in the local part', 'ada\u202e@example.com'],
      ['a zero-width space', 'ada\u200b@example.com'],
      ['a quoted local part', '"ada"@example.com'],
      ['a quoted local part with a space', '"ada lovelace"@example.com'],
      ['a non-breaking space', 'ada\u00a0@example.com'],
    ])('refuses %s at register, login and reset', async (_, email) => {
      const users = await count('users');
      expectBadRequest(
        await t.api.post('/api/v1/auth/register', { body: { email, password: PASSWORD } }),
      );
      expectBadRequest(
        await t.api.post('/api/v1/auth/login', { body: { email, password: PASSWORD } }),
      );
      expectBadRequest(
        await t.api.post('/api/v1/auth/password-reset/request', { body: { email } }),
      );
      expect(await count('users')).toBe(users);
    });

    it('does not open a second account for an address with U+202E appended', async () => {
      const email = uniqueEmail('ada');
      const first = await t.api.post('/api/v1/auth/register', {
        body: { email, password: PASSWORD },
      });
      expect(first.status).toBe(201);
      const second = await t.api.post('/api/v1/auth/register', {
        body: { email: `${email}\u202e`, password: PASSWORD },
      });
      expectBadRequest(second, /email/);
    });
  });
});
