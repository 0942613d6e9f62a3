import { DataSource } from 'typeorm';
import { ageAuthTime } from '../support/mfa.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';
import {
  PASSWORD,
  login,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

const ORIGIN = 'https://console.example.test';
const RP_ID = 'example.test';
const PASSKEYS = '/api/v1/auth/mfa/passkeys';

describe('Passkeys', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      WEBAUTHN_RP_ID: RP_ID,
      WEBAUTHN_ORIGIN: ORIGIN,
      SESSION_CACHE_TTL_SECONDS: '0',
    });
  });
  afterAll(() => t.close());

  async function register(
    user: LoggedInUser,
    name = 'Laptop',
    authenticator?: SoftwareAuthenticator,
  ) {
    const key = authenticator ?? new SoftwareAuthenticator(ORIGIN, RP_ID);
    const options = await t.api.post(`${PASSKEYS}/options`, { token: user.accessToken });
    expect(options.status).toBe(200);
    const res = await t.api.post(PASSKEYS, {
      token: user.accessToken,
      body: { credential: key.register(options.body), name },
    });
    expect(res.status).toBe(201);
    return { key, view: res.body };
  }

  async function signInOptions() {
    const res = await t.api.post('/api/v1/auth/passkey/options');
    expect(res.status).toBe(200);
    return res.body;
  }

  it('registers several passkeys, lists, renames and removes them', async () => {
    const user = await newUser(t.api);
    const options = await t.api.post(`${PASSKEYS}/options`, { token: user.accessToken });
    expect(options.body).toMatchObject({
      challenge: expect.any(String),
      rp: { id: RP_ID, name: 'Tessera' },
      user: { name: user.email },
      attestation: 'none',
    });
    const first = await register(user, 'Laptop');
    expect(first.view).toEqual({
      id: expect.any(String),
      name: 'Laptop',
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    const second = await register(user, 'Phone');
    // The second ceremony excludes the passkeys the user has.
    const third = await t.api.post(`${PASSKEYS}/options`, { token: user.accessToken });
    expect(third.body.excludeCredentials.map((c: { id: string }) => c.id).sort()).toEqual(
      [first.key.id, second.key.id].sort(),
    );

    const list = await t.api.get(PASSKEYS, { token: user.accessToken });
    expect(list.body.map((k: { name: string }) => k.name)).toEqual(['Laptop', 'Phone']);
    const renamed = await t.api.patch(`${PASSKEYS}/${second.view.id}`, {
      token: user.accessToken,
      body: { name: 'Work phone' },
    });
    expect(renamed.body.name).toBe('Work phone');
    expect(
      (await t.api.delete(`${PASSKEYS}/${first.view.id}`, { token: user.accessToken })).status,
    ).toBe(204);
    expect(
      (await t.api.delete(`${PASSKEYS}/${first.view.id}`, { token: user.accessToken })).status,
    ).toBe(404);
    expect((await t.api.get(PASSKEYS, { token: user.accessToken })).body).toHaveLength(1);

    // Someone else's passkey is not found.
    const other = await newUser(t.api);
    expect(
      (await t.api.delete(`${PASSKEYS}/${second.view.id}`, { token: other.accessToken })).status,
    ).toBe(404);
    const audit: { action: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT action FROM audit_events WHERE target_id = $1`, [user.id]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['mfa.passkey_added', 'mfa.passkey_removed']),
    );
  });

  it('refuses a registration from another origin, for another RP id, or answering no challenge', async () => {
    const user = await newUser(t.api);
    for (const lie of [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }]) {
      const options = await t.api.post(`${PASSKEYS}/options`, { token: user.accessToken });
      const key = new SoftwareAuthenticator(ORIGIN, RP_ID);
      const res = await t.api.post(PASSKEYS, {
        token: user.accessToken,
        body: { credential: key.register(options.body, lie), name: 'x' },
      });
      expect(res.status).toBe(400);
    }
    const key = new SoftwareAuthenticator(ORIGIN, RP_ID);
    const made = await t.api.post(PASSKEYS, {
      token: user.accessToken,
      body: { credential: key.register({ challenge: 'bm90LWhhbmRlZC1vdXQ' }), name: 'x' },
    });
    expect(made.status).toBe(400);
    expect((await t.api.get(PASSKEYS, { token: user.accessToken })).body).toEqual([]);
    const bad = await t.api.post(PASSKEYS, {
      token: user.accessToken,
      body: { credential: 'nope', name: 'x' },
    });
    expect(bad.status).toBe(400);
  });

  it('is a second factor: login asks for it and a passkey assertion completes it', async () => {
    const user = await newUser(t.api);
    const { key } = await register(user);
    const first = await login(t.api, user.email);
    expect(first.body).toEqual({
      mfaRequired: true,
      mfaToken: expect.any(String),
      methods: ['passkey'],
    });
    const options = await t.api.post('/api/v1/auth/mfa/passkey/options', {
      body: { mfaToken: first.body.mfaToken },
    });
    expect(options.status).toBe(200);
    expect(options.body.allowCredentials.map((c: { id: string }) => c.id)).toEqual([key.id]);
    const done = await t.api.post('/api/v1/auth/mfa/verify', {
      body: { mfaToken: first.body.mfaToken, passkey: key.assert(options.body) },
    });
    expect(done.status).toBe(200);
    expect(done.body.accessToken).toEqual(expect.any(String));
  });

  it('signs in without a password; the same assertion replayed is refused', async () => {
    const user = await newUser(t.api);
    const { key } = await register(user);
    const assertion = key.assert(await signInOptions());
    const res = await t.api.post('/api/v1/auth/passkey/login', { body: { passkey: assertion } });
    expect(res.status).toBe(200);
    const me = await t.api.get('/api/v1/auth/me', { token: res.body.accessToken });
    expect(me.body.email).toBe(user.email);
    const replay = await t.api.post('/api/v1/auth/passkey/login', { body: { passkey: assertion } });
    expect(replay.status).toBe(401);
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['a subdomain of another site', { origin: 'https://console.example.test.evil.example' }],
    ['another RP id', { rpId: 'evil.example' }],
  ])('refuses an assertion from %s', async (_, lie) => {
    const user = await newUser(t.api);
    const { key } = await register(user);
    const res = await t.api.post('/api/v1/auth/passkey/login', {
      body: { passkey: key.assert(await signInOptions(), lie) },
    });
    expect(res.status).toBe(401);
  });

  it('refuses a counter that goes backwards (a cloned authenticator)', async () => {
    const user = await newUser(t.api);
    const { key } = await register(user);
    const ok = await t.api.post('/api/v1/auth/passkey/login', {
      body: { passkey: key.assert(await signInOptions(), { counter: 10 }) },
    });
    expect(ok.status).toBe(200);
    const clone = await t.api.post('/api/v1/auth/passkey/login', {
      body: { passkey: key.assert(await signInOptions(), { counter: 5 }) },
    });
    expect(clone.status).toBe(401);
    const same = await t.api.post('/api/v1/auth/passkey/login', {
      body: { passkey: key.assert(await signInOptions(), { counter: 10 }) },
    });
    expect(same.status).toBe(401);
  });

  it('refuses another user’s passkey as the second factor', async () => {
    const user = await newUser(t.api);
    await register(user);
    const mallory = await newUser(t.api);
    const { key } = await register(mallory);
    const first = await login(t.api, user.email);
    const options = await t.api.post('/api/v1/auth/mfa/passkey/options', {
      body: { mfaToken: first.body.mfaToken },
    });
    const res = await t.api.post('/api/v1/auth/mfa/verify', {
      body: { mfaToken: first.body.mfaToken, passkey: key.assert(options.body) },
    });
    expect(res.status).toBe(401);
  });

  it('steps up with a passkey; a password alone no longer does', async () => {
    const user = await newUser(t.api);
    const { key } = await register(user);
    await ageAuthTime(t, user.sessionId, 601);
    const refused = await t.api.delete(`${PASSKEYS}/00000000-0000-4000-8000-000000000000`, {
      token: user.accessToken,
    });
    expect(refused.status).toBe(401);
    expect(
      (
        await t.api.post('/api/v1/auth/step-up', {
          token: user.accessToken,
          body: { password: PASSWORD },
        })
      ).status,
    ).toBe(400);
    const options = await t.api.post('/api/v1/auth/step-up/passkey/options', {
      token: user.accessToken,
    });
    const stepped = await t.api.post('/api/v1/auth/step-up', {
      token: user.accessToken,
      body: { passkey: key.assert(options.body) },
    });
    expect(stepped.status).toBe(200);
    const list = await t.api.get(PASSKEYS, { token: user.accessToken });
    expect(
      (await t.api.delete(`${PASSKEYS}/${list.body[0].id}`, { token: user.accessToken })).status,
    ).toBe(204);
  });

  it.each([
    ['no passkey', 400, {}],
    ['a string', 400, { passkey: 'x' }],
    ['an array', 400, { passkey: [] }],
    ['an unknown field', 400, { passkey: {}, extra: 1 }],
    ['an empty credential', 401, { passkey: {} }],
    [
      'an unknown credential',
      401,
      { passkey: { id: 'AAAA', response: { clientDataJSON: 'e30' } } },
    ],
  ])('answers a sign-in with %s: %i', async (_, status, body) => {
    const res = await t.api.post('/api/v1/auth/passkey/login', { body });
    expect(res.status).toBe(status);
  });
});
