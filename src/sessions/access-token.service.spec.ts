import type { AppConfig } from '../common/config/app-config.js';
import { AccessTokenService } from './access-token.service.js';

const config = (appSecret: string) => ({ appSecret, accessTokenTtlSeconds: 900 }) as AppConfig;
const subject = { userId: 'u-1', sessionId: 's-1', role: 'user' as const };

describe('AccessTokenService', () => {
  const service = new AccessTokenService(config('a'.repeat(40)));
  const now = new Date('2026-01-01T00:00:00Z');

  it('verifies what it issued, until it expires', () => {
    const { token, expiresAt } = service.issue(subject, now);
    expect(expiresAt).toBe(now.getTime() / 1000 + 900);
    expect(service.verify(token, now.getTime() + 899_000)).toMatchObject({
      sub: 'u-1',
      sid: 's-1',
      role: 'user',
    });
    expect(service.verify(token, now.getTime() + 900_000)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = new AccessTokenService(config('b'.repeat(40)));
    expect(service.verify(other.issue(subject, now).token, now.getTime())).toBeNull();
  });

  it('accepts exactly one spelling of a signature', () => {
    const { token } = service.issue(subject, now);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = token.at(-1)!;
    // The last of 43 base64url characters carries 2 spare bits: these decode to the same bytes.
    const sameBytes = [...alphabet].filter(
      (c) => c !== last && alphabet.indexOf(c) >> 2 === alphabet.indexOf(last) >> 2,
    );
    expect(sameBytes).toHaveLength(3);
    for (const c of sameBytes) {
      expect(service.verify(token.slice(0, -1) + c, now.getTime())).toBeNull();
    }
    expect(service.verify(token, now.getTime())).not.toBeNull();
  });

  it('refuses altered claims, an altered signature and the "none" algorithm', () => {
    const { token } = service.issue(subject, now);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
      'base64url',
    );
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const forged of [
      `${header}.${elevated}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -2)}AA`,
      `${none}.${payload}.`,
      `${header}.${payload}`,
      `${token}==`,
      `${token}!`,
      ` ${token}`,
      'not-a-token',
      '',
    ]) {
      expect(service.verify(forged, now.getTime())).toBeNull();
    }
  });
});
