import { readCookie, refreshCookie } from './browser-cookie.js';

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; tessera_refresh=tsrr_abc-DEF_1; b=2', 'tessera_refresh')).toBe(
      'tsrr_abc-DEF_1',
    );
  });

  it('is null when absent, empty or not token-shaped', () => {
    expect(readCookie(undefined, 'x')).toBeNull();
    expect(readCookie('other=1', 'x')).toBeNull();
    expect(readCookie('x=', 'x')).toBeNull();
    expect(readCookie('x=a"b', 'x')).toBeNull();
    expect(readCookie('xx=1', 'x')).toBeNull();
  });
});

describe('refreshCookie', () => {
  it('is HttpOnly, SameSite=Strict and scoped to the refresh route; Secure when asked', () => {
    expect(refreshCookie('tsrr_1', { secure: true, maxAgeSeconds: 60 })).toBe(
      'tessera_refresh=tsrr_1; Path=/api/v1/auth/browser/refresh; Max-Age=60; HttpOnly; SameSite=Strict; Secure',
    );
    expect(refreshCookie('tsrr_1', { secure: false, maxAgeSeconds: 60 })).not.toContain('Secure');
  });

  it('clears with Max-Age=0', () => {
    expect(refreshCookie(null, { secure: true, maxAgeSeconds: 60 })).toMatch(
      /^tessera_refresh=; Path=\/api\/v1\/auth\/browser\/refresh; Max-Age=0;/,
    );
  });
});
