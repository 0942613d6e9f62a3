import {
  expectSessionRevoked,
  login,
  newUser,
  startTestApp,
  type Api,
  type TestApp,
} from '../support/test-app.js';

describe('POST /auth/logout and /auth/logout-all', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    ({ api } = t);
  });
  afterAll(() => t.close());

  it('logout revokes the calling session: its access and refresh tokens stop working', async () => {
    const user = await newUser(api);
    const other = await login(api, user.email);
    const res = await api.post('/api/v1/auth/logout', { token: user.accessToken });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    await expectSessionRevoked(api, user);
    expect((await api.get('/api/v1/auth/me', { token: other.body.accessToken })).status).toBe(200);
  });

  it('logout-all revokes every session of the user and counts them', async () => {
    const user = await newUser(api);
    const second = await login(api, user.email);
    const stranger = await newUser(api);
    const res = await api.post('/api/v1/auth/logout-all', { token: user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 2 });
    for (const token of [user.accessToken, second.body.accessToken]) {
      expect((await api.get('/api/v1/auth/me', { token })).status).toBe(401);
    }
    expect((await api.get('/api/v1/auth/me', { token: stranger.accessToken })).status).toBe(200);
  });

  it('needs a credential', async () => {
    const res = await api.post('/api/v1/auth/logout');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="tessera"');
  });
});
