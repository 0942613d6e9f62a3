import { Writable } from 'node:stream';
import { createApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/common/http/logger.js';
import { Api, PASSWORD, newUser, testConfig } from '../support/test-app.js';

describe('Logging', () => {
  it('writes JSON lines with a request id and never a password or token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await createApp(testConfig(), createLogger('debug', sink));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const api = new Api((await app.getUrl()).replace('[::1]', '127.0.0.1'));
      const user = await newUser(api);
      const refreshed = await api.post('/api/v1/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      // Refused (tokens count only in the header), but logged without the token.
      await api.get(`/api/v1/auth/me?access_token=${refreshed.body.accessToken}`);
      await api.get('/api/v1/auth/me', { token: `${user.accessToken}tampered` });
      await api.post('/api/v1/auth/password', {
        token: refreshed.body.accessToken,
        body: { currentPassword: 'wrong-password-here', newPassword: 'another password' },
      });
      const apiToken = await api.post('/api/v1/tokens', {
        token: refreshed.body.accessToken,
        body: { name: 'logged?', scopes: ['tokens:write', 'tokens:read'] },
        headers: { 'idempotency-key': 'log-check' },
      });
      const rotated = await api.post(`/api/v1/tokens/${apiToken.body.id}/rotate`, {
        token: apiToken.body.token,
        body: { gracePeriodSeconds: 60 },
      });
      await api.get('/api/v1/tokens/current', { token: rotated.body.token });
      await api.get('/api/v1/tokens/current', { token: `${rotated.body.token.slice(0, -1)}0` });
      await api.request('PATCH', `/api/v1/tokens/${apiToken.body.id}`, {
        token: rotated.body.token,
        body: { allowedIps: ['203.0.113.1'] },
      });
      await api.get('/api/v1/tokens/current', { token: apiToken.body.token });

      const requests = lines
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.msg === 'request');
      expect(requests.length).toBeGreaterThanOrEqual(6);
      for (const entry of requests) {
        expect(entry).toMatchObject({
          reqId: expect.any(String),
          method: expect.any(String),
          status: expect.any(Number),
        });
      }
      expect(requests.some((entry) => entry.url.includes('access_token=[redacted]'))).toBe(true);
      const all = lines.join('\n');
      for (const secret of [
        PASSWORD,
        'wrong-password-here',
        user.accessToken,
        user.refreshToken,
        refreshed.body.accessToken,
        refreshed.body.refreshToken,
        apiToken.body.token,
        rotated.body.token,
        rotated.body.token.slice(8),
      ]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await app.close();
    }
  });
});
