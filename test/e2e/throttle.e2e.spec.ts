import { PASSWORD, newUser, startTestApp, uniqueEmail, type TestApp } from '../support/test-app.js';

describe('Auth throttling (AUTH_RATE_PER_MINUTE=3)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Loopback is the trusted proxy here, so X-Forwarded-For picks the client address.
    t = await startTestApp({ AUTH_RATE_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('refuses the 4th login attempt from one address within a minute, with rate-limit headers', async () => {
    const responses = [];
    for (let i = 0; i < 4; i++) {
      responses.push(
        await t.api.post('/api/v1/auth/login', {
          body: { email: uniqueEmail(), password: PASSWORD },
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

  it('refuses the 4th attempt on one email from different addresses, even with the right password', async () => {
    const user = await newUser(t.api, from('203.0.113.20'));
    // newUser registered and logged in once: one login attempt is spent.
    const statuses: number[] = [];
    for (const [i, password] of ['wrong-one-1', 'wrong-one-2', PASSWORD].entries()) {
      const res = await t.api.post('/api/v1/auth/login', {
        body: { email: user.email.toUpperCase(), password },
        headers: from(`198.51.100.${i + 1}`),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
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
    for (let i = 0; i < 4; i++) {
      grant.push(
        (
          await t.api.post('/api/v1/auth/token', {
            form: { grant_type: 'password', username: uniqueEmail(), password: PASSWORD },
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
      for (let i = 0; i < 3; i++) {
        const res = await strict.api.post('/api/v1/auth/login', {
          body: { email: uniqueEmail(), password: PASSWORD },
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
});
