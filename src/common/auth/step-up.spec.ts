import { DomainError } from '../errors/domain-error.js';
import { assertRecentAuthentication, assertRecentAuthenticationFor } from './step-up.js';
import type { AuthPrincipal } from './principal.js';

const NOW = 1_800_000_000_000;
const session = (secondsAgo: number): AuthPrincipal => ({
  userId: 'u',
  role: 'admin',
  scopes: [],
  sessionId: 's',
  authTime: NOW - secondsAgo * 1000,
});

describe('step-up', () => {
  it('lets a session through within max_age and refuses it after, with the RFC 9470 challenge', () => {
    expect(() => assertRecentAuthentication(session(600), 600, NOW)).not.toThrow();
    let thrown: unknown;
    try {
      assertRecentAuthentication(session(601), 600, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).status).toBe(401);
    expect((thrown as DomainError).headers['WWW-Authenticate']).toBe(
      'Bearer realm="tessera", error="insufficient_user_authentication", error_description="A more recent authentication is required", max_age=600',
    );
  });

  it('refuses a session that carries no auth time', () => {
    expect(() =>
      assertRecentAuthentication({ ...session(0), authTime: undefined }, 600, NOW),
    ).toThrow(DomainError);
  });

  it('judges API tokens by their scopes alone', () => {
    const token: AuthPrincipal = { userId: 'u', role: 'admin', scopes: ['admin'], tokenId: 't' };
    expect(() => assertRecentAuthentication(token, 600, NOW)).not.toThrow();
  });

  it('asks for it only when an admin-only scope is granted', () => {
    const stale = { ...session(0), authTime: Date.now() - 10_000_000 };
    expect(() => assertRecentAuthenticationFor(stale, ['tokens:read'], 600)).not.toThrow();
    for (const scope of ['admin', 'tokens:introspect', 'tokens:verify']) {
      expect(() => assertRecentAuthenticationFor(stale, ['tokens:read', scope], 600)).toThrow(
        DomainError,
      );
    }
  });
});
