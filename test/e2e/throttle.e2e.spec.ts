import { randomUUID } from 'node:crypto';
import { generateApiToken } from '../../src/tokens/token-format.js';
import { clientAt } from '../support/client-address.js';
import { redisEnv, redisReachable } from '../support/redis.js';
import {
  PASSWORD,
  createToken,
  newUser,
  startTestApp,
  uniqueEmail,
  type TestApp,
} from '../support/test-app.js';

describe('Auth throttling (AUTH_RATE_PER_MINUTE=3)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Loopback is the trusted proxy here, so X-Forwarded-For picks the client address.
    t = await startTestApp({ AUTH_RATE_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('refuses the 4th sign-in on one email from one address, with rate-limit headers', async () => {
    const email = uniqueEmail();
    const responses = [];
    for (let i = 0; i < 4; i++) {
      responses.push(
        await t.api.post('/api/v1/auth/login', {
          body: { email, password: PASSWORD },
          headers: from('203.0.113.10'),
        }),
      );
    }
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    const refused = responses[3];
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('refuses the 16th sign-in from one address across emails (five times the allowance)', async () => {
    const statuses = [];
    for (let i = 0; i < 16; i++) {
      const res = await t.api.post('/api/v1/auth/login', {
        body: { email: uniqueEmail(), password: PASSWORD },
        headers: from('203.0.113.11'),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(15).fill(401), 429]);
  });

  it('never refuses the right password from an address with no failures, however many wrong ones came from elsewhere', async () => {
    const user = await newUser(t.api, from('203.0.113.20'));
    // Three wrong passwords from each of four other client addresses (their sockets' own).
    for (let a = 1; a <= 4; a++) {
      const attacker = clientAt(t.baseUrl, `127.0.20.${a}`);
      for (let i = 0; i < 3; i++) {
        const wrong = await attacker.post('/api/v1/auth/login', {
          body: { email: user.email, password: `wrong-${a}-${i}` },
        });
        expect(wrong.status).toBe(401);
      }
      // Each is refused after its own allowance on this email.
      const refused = await attacker.post('/api/v1/auth/login', {
        body: { email: user.email, password: PASSWORD },
      });
      expect(refused.status).toBe(429);
    }
    const owner = clientAt(t.baseUrl, '127.0.20.100');
    const login = await owner.post('/api/v1/auth/login', {
      body: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const browser = await owner.post('/api/v1/auth/browser/login', {
      body: { email: user.email, password: PASSWORD },
      headers: { 'x-tessera-csrf': '1' },
    });
    expect(browser.status).toBe(200);
    const grant = await owner.post('/api/v1/auth/token', {
      form: { grant_type: 'password', username: user.email, password: PASSWORD },
    });
    expect(grant.status).toBe(200);
  });

  it('throttles registration and the OAuth password grant too', async () => {
    const register = [];
    for (let i = 0; i < 4; i++) {
      register.push(
        (
          await t.api.post('/api/v1/auth/register', {
            body: { email: uniqueEmail(), password: PASSWORD },
            headers: from('203.0.113.30'),
          })
        ).status,
      );
    }
    expect(register).toEqual([201, 201, 201, 429]);

    const grant = [];
    const username = uniqueEmail();
    for (let i = 0; i < 4; i++) {
      grant.push(
        (
          await t.api.post('/api/v1/auth/token', {
            form: { grant_type: 'password', username, password: PASSWORD },
            headers: from('203.0.113.40'),
          })
        ).status,
      );
    }
    expect(grant).toEqual([400, 400, 400, 429]);

    const refreshGrant = [];
    for (let i = 0; i < 4; i++) {
      refreshGrant.push(
        (
          await t.api.post('/api/v1/auth/token', {
            form: { grant_type: 'refresh_token', refresh_token: 'tsrr_unknown' },
            headers: from('203.0.113.50'),
          })
        ).status,
      );
    }
    expect(refreshGrant).toEqual([400, 400, 400, 429]);
  });

  it('does not believe X-Forwarded-For from an untrusted peer', async () => {
    const strict = await startTestApp({ AUTH_RATE_PER_MINUTE: '2' });
    try {
      const statuses = [];
      const email = uniqueEmail();
      for (let i = 0; i < 3; i++) {
        const res = await strict.api.post('/api/v1/auth/login', {
          body: { email, password: PASSWORD },
          headers: from(`192.0.2.${i + 1}`),
        });
        statuses.push(res.status);
      }
      // Every request counts against the socket address, whatever the header says.
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await strict.close();
    }
  });

  it('throttles the browser refresh per client address like /auth/refresh', async () => {
    const client = clientAt(t.baseUrl, '127.0.30.1');
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await client.post('/api/v1/auth/browser/refresh', {
        headers: { 'x-tessera-csrf': '1', cookie: 'tessera_refresh=tsrr_unknown' },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const other = await clientAt(t.baseUrl, '127.0.30.2').post('/api/v1/auth/browser/refresh', {
      headers: { 'x-tessera-csrf': '1' },
    });
    expect(other.status).toBe(401);
  });

  describe('unknown credentials', () => {
    const unknownTokens = () => [generateApiToken(), `legacy_${randomUUID()}`, generateApiToken()];

    it('are refused with 429 and Retry-After once an address has presented its allowance, while known ones and other addresses go on', async () => {
      const user = await newUser(t.api);
      const known = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
      const guesser = clientAt(t.baseUrl, '127.0.40.1');
      // A token of someone behind the same address, used (so cached) before the guessing.
      const neighbour = await createToken(t.api, user.accessToken, { scopes: ['profile:read'] });
      expect((await guesser.get('/api/v1/auth/whoami', { token: neighbour.token })).status).toBe(
        200,
      );
      const statuses = [];
      // checksum-valid tsr_ strings and an imported-form secret: each a lookup.
      for (const token of [...unknownTokens(), generateApiToken()]) {
        statuses.push((await guesser.get('/api/v1/auth/whoami', { token })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await guesser.get('/api/v1/auth/whoami', { token: generateApiToken() });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Refused lookups, not refused people: the cached token from that address still works.
      expect((await guesser.get('/api/v1/auth/whoami', { token: neighbour.token })).status).toBe(
        200,
      );

      const owner = clientAt(t.baseUrl, '127.0.40.2');
      for (let i = 0; i < 5; i++) {
        expect((await owner.get('/api/v1/auth/whoami', { token: known.token })).status).toBe(200);
      }
      expect((await owner.get('/api/v1/auth/whoami', { token: generateApiToken() })).status).toBe(
        401,
      );
    });

    it('charge only a lookup: the same unknown string asked again costs nothing and is not counted', async () => {
      const repeater = clientAt(t.baseUrl, '127.0.40.3');
      const unknown = `legacy_${randomUUID()}`;
      const statuses = [];
      for (let i = 0; i < 8; i++) {
        statuses.push((await repeater.get('/api/v1/auth/whoami', { token: unknown })).status);
      }
      // AUTH_RATE_PER_MINUTE is 3: eight refusals of one string cost one lookup, one charge.
      expect(statuses).toEqual(Array(8).fill(401));
    });

    it('are counted per real client behind a trusted proxy, for forward auth too', async () => {
      const ask = (client: string, token: string) =>
        t.api.get('/api/v1/forward-auth', {
          token,
          headers: {
            'x-forwarded-for': client,
            'x-forwarded-method': 'GET',
            'x-forwarded-uri': '/api/projects',
          },
        });
      const statuses = [];
      for (const token of [...unknownTokens(), generateApiToken()]) {
        statuses.push((await ask('198.51.100.77', token)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // The proxy's own address is not the one refused: another client behind it still asks.
      expect((await ask('198.51.100.78', generateApiToken())).status).toBe(401);
    });
  });

  it('caps leak reports from all addresses together (LEAK_REPORTS_PER_MINUTE)', async () => {
    const capped = await startTestApp({ LEAK_REPORTS_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let a = 1; a <= 3; a++) {
        const res = await clientAt(capped.baseUrl, `127.0.50.${a}`).post(
          '/api/v1/credentials/revoke',
          { body: { credentials: [generateApiToken()] } },
        );
        statuses.push(res.status);
      }
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await capped.close();
    }
  });
});

const redisUp = await redisReachable('test/e2e/throttle.e2e.spec.ts');

(redisUp ? describe : describe.skip)('Unknown credentials across instances sharing Redis', () => {
  it('are counted once for all instances', async () => {
    const env = { ...redisEnv(), AUTH_RATE_PER_MINUTE: '3' };
    const [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
    try {
      const statuses = [];
      for (const app of [a, b, a, b]) {
        const res = await clientAt(app.baseUrl, '127.0.60.1').get('/api/v1/auth/whoami', {
          token: generateApiToken(),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
