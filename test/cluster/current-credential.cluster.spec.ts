/**
 * `GET /tokens/current` and `GET /auth/me` answer from the state the credential was verified
 * against, not from the table. These tests hold them to the table's answer (`GET /tokens/:id`)
 * after every kind of change made on another instance: the change is seen on the instance that
 * made it by the very next request, and on the others within the invalidation bus's delay,
 * although their cached states would otherwise live 30 s.
 */
import { Cluster } from '../support/cluster.js';
import { createToken, newUser, type Api, type LoggedInUser } from '../support/test-app.js';
import { describeWithRedis } from '../support/environment.js';
import { sleep } from '../support/time.js';

const describeRedis = await describeWithRedis('test/cluster/current-credential.cluster.spec.ts');

type View = Record<string, unknown>;

/** The fields that come from the row: last use is per instance until written. */
function rowFields(view: View): View {
  const { lastUsedAt: _at, lastUsedIp: _ip, ...rest } = view;
  return rest;
}

/** Polls `api` until its /tokens/current equals `expected`; how long that took (ms). */
async function currentMatchesWithin(
  api: Api,
  token: string,
  expected: View,
  limitMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const response = await api.get('/api/v1/tokens/current', { token });
    if (response.status === 200 && sameRow(response.body as View, expected)) {
      return Date.now() - started;
    }
    if (Date.now() - started > limitMs) return Infinity;
    await sleep(10);
  }
}

/** This instance's /tokens/current, row fields only, on one request. */
async function currentRow(api: Api, token: string): Promise<View> {
  const response = await api.get('/api/v1/tokens/current', { token });
  expect(response.status).toBe(200);
  return rowFields(response.body as View);
}

function sameRow(a: View, b: View): boolean {
  return JSON.stringify(rowFields(a)) === JSON.stringify(rowFields(b));
}

describeRedis('views of the calling credential answered from memory, on three instances', () => {
  let cluster: Cluster;
  let a: Api;
  let b: Api;
  let c: Api;

  beforeAll(async () => {
    cluster = await Cluster.start(3);
    [a, b, c] = cluster.apis;
  });
  afterAll(() => cluster.close());

  /** The table's view of the token, read with the owner's session. */
  async function fromTable(owner: LoggedInUser, id: string): Promise<View> {
    const response = await a.get(`/api/v1/tokens/${id}`, { token: owner.accessToken });
    expect(response.status).toBe(200);
    return response.body as View;
  }

  const patches: Record<string, Record<string, unknown>> = {
    name: { name: 'renamed' },
    description: { description: 'now described' },
    scopes: { scopes: ['profile:read'] },
    allowedIps: { allowedIps: ['127.0.0.0/8', '::1'] },
  };

  it.each(Object.keys(patches))(
    'a PATCH of %s on A shows in /tokens/current on A at once and on B and C within a second',
    async (field) => {
      const owner = await newUser(a);
      const token = await createToken(a, owner.accessToken, {
        scopes: ['tokens:read', 'profile:read'],
      });
      // Every instance holds the token's state now, and would keep it 30 s on its own.
      const before = await fromTable(owner, token.id);
      for (const api of [a, b, c]) {
        expect(await currentRow(api, token.token)).toEqual(rowFields(before));
      }

      const patched = await a.request('PATCH', `/api/v1/tokens/${token.id}`, {
        token: owner.accessToken,
        body: patches[field],
      });
      expect(patched.status).toBe(200);
      const after = await fromTable(owner, token.id);
      expect(sameRow(after, before)).toBe(false);
      expect(after).toMatchObject(patches[field]);

      expect(await currentRow(a, token.token)).toEqual(rowFields(after));
      const [onB, onC] = await Promise.all(
        [b, c].map((api) => currentMatchesWithin(api, token.token, after, 2_000)),
      );
      expect(onB).toBeLessThan(1_000);
      expect(onC).toBeLessThan(1_000);
    },
  );

  it('a revocation on A ends /tokens/current on A at once and on B and C within a second', async () => {
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken);
    for (const api of [a, b, c]) {
      expect((await api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(200);
    }
    const revoked = await a.delete(`/api/v1/tokens/${token.id}`, { token: owner.accessToken });
    expect(revoked.status).toBe(204);
    expect((await a.get('/api/v1/tokens/current', { token: token.token })).status).toBe(401);
    for (const api of [b, c]) {
      const started = Date.now();
      while ((await api.get('/api/v1/tokens/current', { token: token.token })).status === 200) {
        expect(Date.now() - started).toBeLessThan(1_000);
        await sleep(10);
      }
      expect((await api.get('/api/v1/tokens/current', { token: token.token })).status).toBe(401);
    }
  });

  it('a rotation with a grace period shows the end of the old token on every instance', async () => {
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken);
    for (const api of [a, b, c]) {
      const current = await api.get('/api/v1/tokens/current', { token: token.token });
      expect(current.body.revokedAt).toBeNull();
    }
    const rotated = await a.post(`/api/v1/tokens/${token.id}/rotate`, {
      token: owner.accessToken,
      body: { gracePeriodSeconds: 600 },
    });
    expect(rotated.status).toBe(201);
    const after = await fromTable(owner, token.id);
    expect(after.revokedAt).not.toBeNull();
    expect(after.status).toBe('active');
    expect(await currentRow(a, token.token)).toEqual(rowFields(after));
    for (const api of [b, c]) {
      expect(await currentMatchesWithin(api, token.token, after, 2_000)).toBeLessThan(1_000);
    }
  });

  it('reports the request itself as the last use, from the address it came from', async () => {
    const owner = await newUser(a);
    const token = await createToken(a, owner.accessToken);
    await b.get('/api/v1/tokens/current', { token: token.token });
    const before = Date.now();
    const current = await b.get('/api/v1/tokens/current', { token: token.token });
    expect(Date.parse(current.body.lastUsedAt)).toBeGreaterThanOrEqual(before - 5);
    expect(['127.0.0.1', '::1']).toContain(current.body.lastUsedIp);
  });

  it('/auth/me answers the same as the table for a session and for an API token', async () => {
    const user = await newUser(a);
    const token = await createToken(a, user.accessToken, { scopes: ['profile:read'] });
    const expected = {
      id: user.id,
      email: user.email,
      name: null,
      role: 'user',
    };
    for (const api of [a, b, c]) {
      for (const credential of [user.accessToken, token.token]) {
        const me = await api.get('/api/v1/auth/me', { token: credential });
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject(expected);
        expect(Object.keys(me.body).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role']);
      }
    }
    const registered = await a.get('/api/v1/auth/me', { token: user.accessToken });
    expect(Date.parse(registered.body.createdAt)).toBeLessThanOrEqual(Date.now());
  });

  it('/auth/me with a logged-out session is refused on every instance within a second', async () => {
    const user = await newUser(a);
    for (const api of [a, b, c]) {
      expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    }
    expect((await a.post('/api/v1/auth/logout', { token: user.accessToken })).status).toBe(204);
    expect((await a.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(401);
    for (const api of [b, c]) {
      const started = Date.now();
      while ((await api.get('/api/v1/auth/me', { token: user.accessToken })).status === 200) {
        expect(Date.now() - started).toBeLessThan(1_000);
        await sleep(10);
      }
    }
  });
});
