import {
  createToken,
  newUser,
  startTestApp,
  type LoggedInUser,
  type TestApp,
} from '../support/test-app.js';

describe('Revoking API tokens', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    user = await newUser(t.api);
  });
  afterAll(() => t.close());

  describe('DELETE /tokens/:id', () => {
    it('stops the token at once, even right after it was used, and is idempotent', async () => {
      const created = await createToken(t.api, user.accessToken);
      expect((await t.api.get('/api/v1/tokens/current', { token: created.token })).status).toBe(
        200,
      );
      const first = await t.api.delete(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      const second = await t.api.delete(`/api/v1/tokens/${created.id}`, {
        token: user.accessToken,
      });
      expect([first.status, second.status]).toEqual([204, 204]);
      const after = await t.api.get('/api/v1/tokens/current', { token: created.token });
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toBe(
        'Bearer realm="tessera", error="invalid_token"',
      );
      const view = await t.api.get(`/api/v1/tokens/${created.id}`, { token: user.accessToken });
      expect(view.body.status).toBe('revoked');
    });

    it('lets a token revoke itself', async () => {
      const created = await createToken(t.api, user.accessToken, {
        scopes: ['tokens:write', 'tokens:read'],
      });
      const revoke = await t.api.delete(`/api/v1/tokens/${created.id}`, { token: created.token });
      expect(revoke.status).toBe(204);
      expect((await t.api.get('/api/v1/tokens/current', { token: created.token })).status).toBe(
        401,
      );
    });
  });

  describe('independence from sessions', () => {
    it('keeps API tokens working through logout-all and a password change', async () => {
      const created = await createToken(t.api, user.accessToken);
      await t.api.post('/api/v1/auth/password', {
        token: user.accessToken,
        body: { currentPassword: user.password, newPassword: 'a brand new password' },
      });
      await t.api.post('/api/v1/auth/logout-all', { token: user.accessToken });
      expect((await t.api.get('/api/v1/tokens/current', { token: created.token })).status).toBe(
        200,
      );
    });
  });
});
