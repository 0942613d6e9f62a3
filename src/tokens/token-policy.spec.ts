import { DomainError } from '../common/errors/domain-error.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import {
  assertActive,
  assertGrantable,
  assertKnownScopes,
  assertRateWithin,
  assertSharedQuotaKept,
  assertWithin,
  canonicalIps,
  inheritedRateLimits,
  ownRateLimits,
  quotaOfNewToken,
  requestedExpiry,
  rotatedExpiry,
  sameSet,
} from './token-policy.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-01-01T00:00:00Z');

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assertGrantable', () => {
  const registry = new ScopeRegistry([
    { name: 'projects:read', description: 'Read projects', roles: ['user', 'admin'] },
    { name: 'billing:manage', description: 'Manage billing', roles: ['admin'] },
  ]);

  it('lets a caller grant the scopes it holds', () => {
    expect(() =>
      assertGrantable(
        { role: 'user', scopes: ['tokens:read', 'tokens:write'] },
        ['tokens:read'],
        registry,
      ),
    ).not.toThrow();
  });

  it('refuses a scope the caller lacks, naming it', () => {
    const error = refusal(() =>
      assertGrantable({ role: 'user', scopes: ['tokens:read'] }, ['admin'], registry),
    );
    expect(error.status).toBe(403);
    expect(error.message).toContain('admin');
  });

  it('lets a caller grant a custom scope it holds', () => {
    expect(() =>
      assertGrantable({ role: 'user', scopes: ['projects:read'] }, ['projects:read'], registry),
    ).not.toThrow();
  });

  it('refuses a custom scope the caller lacks', () => {
    const error = refusal(() =>
      assertGrantable({ role: 'user', scopes: ['tokens:read'] }, ['projects:read'], registry),
    );
    expect(error.status).toBe(403);
    expect(error.message).toContain('projects:read');
  });

  it("refuses a scope the caller's role may not hold, even if the credential names it", () => {
    const error = refusal(() =>
      assertGrantable({ role: 'user', scopes: ['billing:manage'] }, ['billing:manage'], registry),
    );
    expect(error.status).toBe(403);
    expect(error.message).toContain('billing:manage');
  });

  it('lets an admin grant an admin-only custom scope it holds', () => {
    expect(() =>
      assertGrantable({ role: 'admin', scopes: ['billing:manage'] }, ['billing:manage'], registry),
    ).not.toThrow();
  });
});

describe('assertKnownScopes', () => {
  const registry = new ScopeRegistry([
    { name: 'projects:read', description: 'Read projects', roles: ['user', 'admin'] },
  ]);

  it('accepts built-in and declared scopes', () => {
    expect(() => assertKnownScopes(registry, ['tokens:read', 'projects:read'])).not.toThrow();
  });

  it('refuses an undeclared scope with 400, naming it', () => {
    const error = refusal(() => assertKnownScopes(registry, ['projects:read', 'projects:delete']));
    expect(error.status).toBe(400);
    expect(error.message).toContain('"projects:delete"');
    expect(error.message).not.toContain('"projects:read"');
  });
});

describe('rate limits within the calling token', () => {
  const server = { perMinute: 50, perHour: 1000 };
  const token = {
    restrictions: { allowedIps: [], endsAt: null, rateLimit: { perMinute: 10, perHour: 1000 } },
  };

  it('leaves a caller without a limit of its own (a session) alone', () => {
    expect(() => assertRateWithin({}, { perMinute: null, perHour: null }, server)).not.toThrow();
  });

  it('accepts the same or tighter limits, null meaning the server limit', () => {
    expect(() => assertRateWithin(token, { perMinute: 10, perHour: null }, server)).not.toThrow();
    expect(() => assertRateWithin(token, { perMinute: 1, perHour: 5 }, server)).not.toThrow();
  });

  it('refuses a window lifted to the server limit or above the caller', () => {
    expect(
      refusal(() => assertRateWithin(token, { perMinute: null, perHour: null }, server)).status,
    ).toBe(403);
    expect(
      refusal(() => assertRateWithin(token, { perMinute: 11, perHour: null }, server)).message,
    ).toMatch(/rateLimit\.perMinute must stay within .*\(10\)/);
  });

  it('hands a child made without limits the caller limits below the server ones', () => {
    expect(inheritedRateLimits(token, undefined, server)).toEqual({
      perMinute: 10,
      perHour: undefined,
    });
    expect(inheritedRateLimits(token, { perMinute: 3 }, server)).toEqual({
      perMinute: 3,
      perHour: undefined,
    });
    expect(inheritedRateLimits({}, undefined, server)).toBeUndefined();
  });
});

describe('quotas shared with the tokens a token creates', () => {
  const quota = { limit: 100, period: 'month' } as const;
  const rotated = {
    tokenId: 'b',
    token: { lineageId: 'a' } as never,
    restrictions: { allowedIps: [], endsAt: null, quota },
  };

  it('leaves the quota and count of a token made without a quota-bound creator its own', () => {
    expect(quotaOfNewToken({}, { limit: 5, period: 'day' })).toEqual({
      quota: { limit: 5, period: 'day' },
      lineageId: undefined,
    });
    expect(quotaOfNewToken({}, undefined)).toEqual({ quota: undefined, lineageId: undefined });
  });

  it("puts a quota-bound creator's tokens in its count: its rotation lineage, its quota", () => {
    expect(quotaOfNewToken(rotated, undefined)).toEqual({ quota, lineageId: 'a' });
    expect(quotaOfNewToken(rotated, { ...quota })).toEqual({ quota, lineageId: 'a' });
    const first = { tokenId: 'a', restrictions: { allowedIps: [], endsAt: null, quota } };
    expect(quotaOfNewToken(first, undefined).lineageId).toBe('a');
  });

  it('refuses any other quota, smaller ones included: each would be a count of its own', () => {
    for (const other of [
      { limit: 10, period: 'month' },
      { limit: 100, period: 'total' },
      { limit: 101, period: 'month' },
    ] as const) {
      const refused = refusal(() => quotaOfNewToken(rotated, other));
      expect(refused.status).toBe(403);
      expect(refused.message).toContain('share its quota (100 a month, one count)');
    }
  });

  it('keeps the period of a token in the same count, and leaves other tokens to the usual rule', () => {
    const sibling = { id: 'c', lineageId: 'a' };
    expect(() =>
      assertSharedQuotaKept(rotated, sibling, { limit: 5, period: 'month' }),
    ).not.toThrow();
    expect(
      refusal(() => assertSharedQuotaKept(rotated, sibling, { limit: 5, period: 'total' })).status,
    ).toBe(403);
    expect(refusal(() => assertSharedQuotaKept(rotated, sibling, null)).status).toBe(403);
    expect(
      refusal(() => assertSharedQuotaKept(rotated, { id: 'a', lineageId: null }, null)).status,
    ).toBe(403);
    expect(() =>
      assertSharedQuotaKept(rotated, { id: 'x', lineageId: null }, { limit: 5, period: 'total' }),
    ).not.toThrow();
    expect(() => assertSharedQuotaKept({}, sibling, null)).not.toThrow();
  });
});

describe('assertWithin', () => {
  const token = { restrictions: { allowedIps: ['10.0.0.0/8'], endsAt: NOW + 10 * DAY } };

  it('leaves a caller without restrictions (a session) alone', () => {
    expect(() => assertWithin({}, [], null)).not.toThrow();
  });

  it('accepts an allowlist inside the caller token allowlist', () => {
    expect(() => assertWithin(token, ['10.1.0.0/16'], new Date(NOW + DAY))).not.toThrow();
  });

  it('refuses an allowlist wider than the caller token allowlist', () => {
    expect(refusal(() => assertWithin(token, [], new Date(NOW + DAY))).status).toBe(403);
    expect(refusal(() => assertWithin(token, ['192.168.0.1'])).status).toBe(403);
  });

  it('refuses a token that would outlive the caller token, or never expire', () => {
    expect(refusal(() => assertWithin(token, ['10.0.0.1'], new Date(NOW + 11 * DAY))).status).toBe(
      403,
    );
    expect(refusal(() => assertWithin(token, ['10.0.0.1'], null)).status).toBe(403);
  });

  it('does not judge the expiry when none is given (a change that leaves it alone)', () => {
    expect(() => assertWithin(token, ['10.0.0.1'])).not.toThrow();
  });
});

describe('assertActive', () => {
  const active = { revokedAt: null, revokeReason: null, expiresAt: new Date(NOW + DAY) };

  it('passes an active token', () => {
    expect(() => assertActive(active, 'changed', NOW)).not.toThrow();
  });

  it('refuses a rotated token, also during its grace period, saying so', () => {
    const rotated = { ...active, revokedAt: new Date(NOW + 60_000), revokeReason: 'rotated' };
    const error = refusal(() => assertActive(rotated, 'rotated', NOW));
    expect(error.status).toBe(409);
    expect(error.message).toContain('already rotated');
  });

  it('refuses a revoked or an expired token', () => {
    const revoked = { ...active, revokedAt: new Date(NOW - 1), revokeReason: 'revoked' };
    expect(refusal(() => assertActive(revoked, 'changed', NOW)).message).toContain('revoked');
    const expired = { ...active, expiresAt: new Date(NOW) };
    expect(refusal(() => assertActive(expired, 'changed', NOW)).message).toContain('expired');
  });
});

describe('requestedExpiry', () => {
  it('is null without an expiry, and counts days from now', () => {
    expect(requestedExpiry({}, 3650, NOW)).toBeNull();
    expect(requestedExpiry({ expiresInDays: 30 }, 3650, NOW)).toEqual(new Date(NOW + 30 * DAY));
  });

  it('takes a future expiresAt within the longest lifetime', () => {
    const at = new Date(NOW + 5 * DAY).toISOString();
    expect(requestedExpiry({ expiresAt: at }, 3650, NOW)).toEqual(new Date(at));
  });

  it('refuses both forms at once, a past expiresAt, and one past the longest lifetime', () => {
    const soon = new Date(NOW + DAY).toISOString();
    expect(
      refusal(() => requestedExpiry({ expiresInDays: 1, expiresAt: soon }, 3650, NOW)).status,
    ).toBe(400);
    expect(
      refusal(() => requestedExpiry({ expiresAt: new Date(NOW).toISOString() }, 3650, NOW)).status,
    ).toBe(400);
    const late = new Date(NOW + 31 * DAY).toISOString();
    expect(refusal(() => requestedExpiry({ expiresAt: late }, 30, NOW)).message).toContain(
      '30 days',
    );
  });
});

describe('rotatedExpiry', () => {
  it('renews a lifetime given in days, and keeps a fixed expiry', () => {
    const fixed = new Date(NOW + 3 * DAY);
    expect(rotatedExpiry({ lifetimeDays: 7, expiresAt: fixed }, NOW)).toEqual(
      new Date(NOW + 7 * DAY),
    );
    expect(rotatedExpiry({ lifetimeDays: null, expiresAt: fixed }, NOW)).toBe(fixed);
    expect(rotatedExpiry({ lifetimeDays: null, expiresAt: null }, NOW)).toBeNull();
  });
});

describe('canonicalIps and sameSet', () => {
  it('writes allowlist entries one way and drops duplicates', () => {
    const ips = canonicalIps(['10.0.0.1', '10.0.0.1/32', '::ffff:10.0.0.1']);
    expect(ips).toHaveLength(1);
  });

  it('compares lists as sets', () => {
    expect(sameSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('requestedExpiry under TOKEN_MAX_DAYS', () => {
  it('refuses more days than the cap, and takes the cap itself', () => {
    expect(refusal(() => requestedExpiry({ expiresInDays: 31 }, 30, NOW)).message).toContain(
      'at most 30',
    );
    expect(requestedExpiry({ expiresInDays: 30 }, 30, NOW)).toEqual(new Date(NOW + 30 * DAY));
  });
});

describe('rotatedExpiry under a cap', () => {
  it('renews within the cap, and caps a token that had none or a longer life', () => {
    expect(rotatedExpiry({ lifetimeDays: 90, expiresAt: null }, NOW, 30)).toEqual(
      new Date(NOW + 30 * DAY),
    );
    expect(rotatedExpiry({ lifetimeDays: null, expiresAt: null }, NOW, 30)).toEqual(
      new Date(NOW + 30 * DAY),
    );
    const soon = new Date(NOW + 5 * DAY);
    expect(rotatedExpiry({ lifetimeDays: null, expiresAt: soon }, NOW, 30)).toEqual(soon);
  });
});

describe('ownRateLimits', () => {
  const server = { perMinute: 600, perHour: 20_000 };

  it('takes lower limits, keeps what is not named, and null gives the server’s back', () => {
    expect(ownRateLimits(undefined, server)).toEqual({ perMinute: null, perHour: null });
    expect(ownRateLimits({ perMinute: 60 }, server)).toEqual({ perMinute: 60, perHour: null });
    const current = { perMinute: 60, perHour: 1000 };
    expect(ownRateLimits({ perHour: 500 }, server, current)).toEqual({
      perMinute: 60,
      perHour: 500,
    });
    expect(ownRateLimits({ perMinute: null }, server, current)).toEqual({
      perMinute: null,
      perHour: 1000,
    });
    expect(ownRateLimits({ perMinute: 600 }, server).perMinute).toBe(600);
  });

  it('refuses a limit above the server’s with 400 naming the variable', () => {
    const error = refusal(() => ownRateLimits({ perHour: 20_001 }, server));
    expect(error.status).toBe(400);
    expect(error.message).toContain('TOKEN_RATE_PER_HOUR=20000');
  });
});
