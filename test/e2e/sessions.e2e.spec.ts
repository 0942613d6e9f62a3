import { randomUUID } from 'node:crypto';
import {
  expectSessionRevoked,
  login,
  newUser,
  startTestApp,
  type Api,
  type TestApp,
} from '../support/test-app.js';
import { sleep } from '../support/time.js';

describe('Sessions over HTTP', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
  });
  afterAll(() => t.close());

  it('lists the active sessions of the caller, newest first, marking the current one', async () => {
    const user = await newUser(api, { 'x-device-id': 'd1', 'user-agent': 'first-agent' });
    const second = await login(api, user.email, undefined, {
      'x-device-id': 'd2',
      'x-device-name': 'Phone',
    });
    const third = await login(api, user.email);
    await api.post('/api/v1/auth/logout', { token: third.body.accessToken });

    const res = await api.get('/api/v1/sessions', { token: second.body.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([
      second.body.sessionId,
      user.sessionId,
    ]);
    expect(res.body[0]).toEqual({
      id: second.body.sessionId,
      deviceId: 'd2',
      deviceName: 'Phone',
      ip: '127.0.0.1',
      userAgent: expect.any(String),
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
      expiresAt: expect.any(String),
      current: true,
    });
    expect(res.body[1]).toMatchObject({ deviceId: 'd1', userAgent: 'first-agent', current: false });
    expect(new Date(res.body[0].expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it('does not list the sessions of another user', async () => {
    const a = await newUser(api);
    const b = await newUser(api);
    const res = await api.get('/api/v1/sessions', { token: a.accessToken });
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([a.sessionId]);
    expect(res.body.map((s: { id: string }) => s.id)).not.toContain(b.sessionId);
  });

  describe('DELETE /sessions/:id', () => {
    it("stops the session's tokens at once, even right after they were used", async () => {
      const user = await newUser(api);
      const other = await login(api, user.email);
      // Used once, so its session state is cached.
      expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(
        200,
      );
      const res = await api.delete(`/api/v1/sessions/${other.body.sessionId}`, {
        token: user.accessToken,
      });
      expect(res.status).toBe(204);
      await expectSessionRevoked(api, other.body);
      expect((await api.get('/api/v1/auth/me', { token: user.accessToken })).status).toBe(200);
    });

    it('is idempotent', async () => {
      const user = await newUser(api);
      const other = await login(api, user.email);
      const path = `/api/v1/sessions/${other.body.sessionId}`;
      expect((await api.delete(path, { token: user.accessToken })).status).toBe(204);
      expect((await api.delete(path, { token: user.accessToken })).status).toBe(204);
    });

    it("answers 404 for another user's session, exactly as for one that does not exist, and leaves it alone", async () => {
      const a = await newUser(api);
      const b = await newUser(api);
      const foreign = await api.delete(`/api/v1/sessions/${b.sessionId}`, { token: a.accessToken });
      const missing = await api.delete(`/api/v1/sessions/${randomUUID()}`, {
        token: a.accessToken,
      });
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
      expect((await api.get('/api/v1/auth/me', { token: b.accessToken })).status).toBe(200);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const user = await newUser(api);
      const res = await api.delete('/api/v1/sessions/not-a-uuid', { token: user.accessToken });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('DELETE /sessions?except=current', () => {
    it('revokes every other session and counts them', async () => {
      const user = await newUser(api);
      const others = await Promise.all([login(api, user.email), login(api, user.email)]);
      const res = await api.delete('/api/v1/sessions?except=current', { token: user.accessToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ revoked: 2 });
      for (const other of others) {
        expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(
          401,
        );
      }
      const list = await api.get('/api/v1/sessions', { token: user.accessToken });
      expect(list.body.map((s: { id: string }) => s.id)).toEqual([user.sessionId]);
    });

    it('refuses to run without except=current', async () => {
      const user = await newUser(api);
      const other = await login(api, user.email);
      expect((await api.delete('/api/v1/sessions', { token: user.accessToken })).status).toBe(400);
      expect(
        (await api.delete('/api/v1/sessions?except=all', { token: user.accessToken })).status,
      ).toBe(400);
      expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(
        200,
      );
    });
  });

  it('requires a credential on every sessions route', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/sessions'],
      ['DELETE', `/api/v1/sessions/${randomUUID()}`],
      ['DELETE', '/api/v1/sessions?except=current'],
    ]) {
      const res = await api.request(method, path);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
    }
  });
});

describe('Refresh token reuse', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ REFRESH_GRACE_SECONDS: '0' });
  });
  afterAll(() => t.close());

  it('revokes the whole session when a replaced token comes back after the grace window', async () => {
    const user = await newUser(t.api);
    const rotated = await t.api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(rotated.status).toBe(200);
    await sleep(20);
    const replay = await t.api.post('/api/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('www-authenticate')).toContain('invalid_token');
    // The thief's pair and the victim's pair are both dead now.
    expect((await t.api.get('/api/v1/auth/me', { token: rotated.body.accessToken })).status).toBe(
      401,
    );
    expect(
      (
        await t.api.post('/api/v1/auth/refresh', {
          body: { refreshToken: rotated.body.refreshToken },
        })
      ).status,
    ).toBe(401);
  });
});
