import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';
import { sleep } from '../support/time.js';
import { sqlClient } from '../support/database.js';

describe('API token verification', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    // The longest flush interval: no flush runs while these tests look at last use.
    t = await startTestApp({ LAST_USED_FLUSH_SECONDS: '60' });
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

  const current = (token: string, headers: Record<string, string> = {}) =>
    t.api.get('/api/v1/tokens/current', { token, headers });

  it('refuses a token with a bad checksum as invalid_token', async () => {
    const created = await createToken(t.api, user.accessToken);
    const last = created.token.at(-1) === 'a' ? 'b' : 'a';
    const tampered = created.token.slice(0, -1) + last;
    const response = await current(tampered);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="tessera", error="invalid_token"',
    );
    expect((await current(created.token)).status).toBe(200);
  });

  it('refuses a well-formed token that was never issued', async () => {
    const { generateApiToken } = await import('../../src/tokens/token-format.js');
    const response = await current(generateApiToken());
    expect(response.status).toBe(401);
  });

  describe('IP allowlists', () => {
    it('refuses the token from an address outside its allowlist', async () => {
      const created = await createToken(t.api, user.accessToken, {
        allowedIps: ['203.0.113.0/24'],
      });
      const response = await current(created.token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      // It says the address is the problem, and nothing of the allowlist.
      expect(response.body.message).toBe('This API token is not allowed from this address');
      expect(response.text).not.toContain('203.0.113');
    });

    it('does not believe a forged X-Forwarded-For from a client that is not a trusted proxy', async () => {
      const created = await createToken(t.api, user.accessToken, {
        allowedIps: ['203.0.113.7'],
      });
      const forged = await current(created.token, { 'x-forwarded-for': '203.0.113.7' });
      expect(forged.status).toBe(401);
    });

    it('allows the token from a listed address, IPv4-mapped entries included', async () => {
      const created = await createToken(t.api, user.accessToken, {
        allowedIps: ['198.51.100.0/24', '::ffff:127.0.0.1'],
      });
      expect(created.allowedIps).toEqual(['198.51.100.0/24', '127.0.0.1']);
      const response = await current(created.token);
      expect(response.status).toBe(200);
      expect(response.body.lastUsedIp).toBe('127.0.0.1');
    });

    it('believes X-Forwarded-For from a proxy named in TRUST_PROXY', async () => {
      const proxied = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
      try {
        const owner = await newUser(proxied.api);
        const created = await createToken(proxied.api, owner.accessToken, {
          allowedIps: ['203.0.113.0/24', '2001:db8::/32'],
        });
        const call = (xff: string) =>
          proxied.api.get('/api/v1/tokens/current', {
            token: created.token,
            headers: { 'x-forwarded-for': xff },
          });
        expect((await call('203.0.113.50')).status).toBe(200);
        expect((await call('2001:db8::7')).status).toBe(200);
        expect((await call('::ffff:203.0.113.51')).status).toBe(200);
        expect((await call('198.51.100.1')).status).toBe(401);
        // The client can prepend anything; the proxy appends the real address last.
        expect((await call('203.0.113.50, 198.51.100.1')).status).toBe(401);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('expiry', () => {
    it('refuses a token once its expiry has passed, with no job involved', async () => {
      const created = await createToken(t.api, user.accessToken, {
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      });
      expect((await current(created.token)).status).toBe(200); // cached from here on
      await sleep(1600);
      expect((await current(created.token)).status).toBe(401);
    });
  });

  describe('last use', () => {
    it('shows when and from where a token was last used, before any write', async () => {
      const created = await createToken(t.api, user.accessToken);
      const before = Date.now();
      for (let i = 0; i < 5; i++) await current(created.token);
      const view = await t.api.get(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      expect(Date.parse(view.body.lastUsedAt)).toBeGreaterThanOrEqual(before - 5);
      expect(view.body.lastUsedIp).toBe('127.0.0.1');
      // Nothing written yet: the flush runs every LAST_USED_FLUSH_SECONDS (60 s here).
      const db = await sqlClient();
      try {
        const { rows } = await db.query('SELECT last_used_at FROM api_tokens WHERE id = $1', [
          created.id,
        ]);
        expect(rows[0].last_used_at).toBeNull();
      } finally {
        await db.end();
      }
    });
  });
});

describe('API token last use, written in batches', () => {
  it('writes last use to the database within the flush interval, and at shutdown', async () => {
    const db = await sqlClient();
    const lastUsed = async (id: string) =>
      (await db.query('SELECT last_used_at, last_used_ip FROM api_tokens WHERE id = $1', [id]))
        .rows[0];
    try {
      const t = await startTestApp({ LAST_USED_FLUSH_SECONDS: '1' });
      const user = await newUser(t.api);
      const created = await createToken(t.api, user.accessToken);
      await t.api.get('/api/v1/tokens/current', { token: created.token });
      expect((await lastUsed(created.id)).last_used_at).toBeNull();
      await sleep(1300);
      expect(await lastUsed(created.id)).toMatchObject({ last_used_ip: '127.0.0.1' });

      const second = await createToken(t.api, user.accessToken);
      await t.api.get('/api/v1/tokens/current', { token: second.token });
      await t.close(); // before the next interval: the shutdown flush writes it
      expect((await lastUsed(second.id)).last_used_at).toBeInstanceOf(Date);
    } finally {
      await db.end();
    }
  });
});
