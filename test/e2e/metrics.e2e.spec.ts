import { createToken, newUser, startTestApp, type TestApp } from '../support/test-app.js';

/** The value of one sample line, e.g. `name{label="x"}`. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((row) => row.startsWith(line + ' '));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('/metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TOKEN_RATE_PER_MINUTE: '2' });
  });
  afterAll(() => t.close());

  it('counts uses past a quota by outcome and kind, never by token', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken, {
      quota: { limit: 1, period: 'day' },
    });
    const before = (await t.api.get('/metrics')).text;
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/whoami', { token: token.token })).status).toBe(429);
    const text = (await t.api.get('/metrics')).text;
    const delta = (line: string) => (sample(text, line) ?? 0) - (sample(before, line) ?? 0);
    const verified = 'tessera_credential_verifications_total';
    expect(delta(`${verified}{kind="api_token",outcome="ok"}`)).toBe(1);
    expect(delta(`${verified}{kind="api_token",outcome="usage_exceeded"}`)).toBe(1);
    expect(delta(`${verified}{kind="api_token",outcome="rate_limited"}`)).toBe(0);
    expect(text).not.toContain(token.id);
  });

  it('counts verifications, cache lookups and refusals, with no secret in sight', async () => {
    const user = await newUser(t.api);
    const token = await createToken(t.api, user.accessToken);
    // A session's own access token once it has ended: a session token, refused. (A string that
    // is no session token of this service is looked up as an imported API token instead.)
    const ended = await newUser(t.api);
    await t.api.post('/api/v1/auth/logout', { token: ended.accessToken });
    const before = (await t.api.get('/metrics')).text;
    for (let i = 0; i < 3; i++) {
      await t.api.get('/api/v1/auth/whoami', { token: token.token });
    }
    await t.api.get('/api/v1/auth/whoami', { token: ended.accessToken });

    const response = await t.api.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    const delta = (line: string) => (sample(text, line) ?? 0) - (sample(before, line) ?? 0);
    const verified = 'tessera_credential_verifications_total';
    expect(delta(`${verified}{kind="api_token",outcome="ok"}`)).toBe(2);
    expect(delta(`${verified}{kind="api_token",outcome="rate_limited"}`)).toBe(1);
    expect(delta(`${verified}{kind="session",outcome="invalid"}`)).toBe(1);
    const lookups = 'tessera_credential_cache_lookups_total';
    expect(delta(`${lookups}{cache="api_token",result="miss"}`)).toBe(1);
    expect(delta(`${lookups}{cache="api_token",result="hit"}`)).toBe(2);
    expect(delta('tessera_rate_limit_refusals_total{limit="api_token"}')).toBe(1);
    // Defined for the scheduled jobs, and the invalidation lag of the bus.
    for (const name of [
      'tessera_job_runs_total',
      'tessera_purged_rows_total',
      'tessera_job_duration_seconds',
      'tessera_invalidation_lag_seconds',
      'tessera_redis_up',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    for (const secret of [token.token, token.id, user.accessToken, user.id, user.email]) {
      expect(text).not.toContain(secret);
    }
  });

  it('is outside the API prefix and not cached by anything in between', async () => {
    expect((await t.api.get('/api/v1/metrics')).status).toBe(404);
  });

  it('keeps the counts of each application apart', async () => {
    const second = await startTestApp();
    try {
      const text = (await second.api.get('/metrics')).text;
      expect(
        sample(text, 'tessera_credential_verifications_total{kind="api_token",outcome="ok"}'),
      ).toBe(0);
    } finally {
      await second.close();
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const secret = 'scrape-secret-0123456789';
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: secret });
  });
  afterAll(() => t.close());

  it('wants the token as a bearer credential', async () => {
    const none = await t.api.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    expect((await t.api.get('/metrics', { token: secret + 'x' })).status).toBe(401);
    const ok = await t.api.get('/metrics', { token: secret });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('tessera_credential_verifications_total');
  });
});
