import { endOfTokenAt, isActiveAt, tokenStatusAt } from './token-status.js';

describe('token status', () => {
  const now = 1_000_000;

  it('is active with no end, or with both ends still ahead (a grace period too)', () => {
    expect(tokenStatusAt(null, null, now)).toBe('active');
    expect(tokenStatusAt(now + 1, now + 1, now)).toBe('active');
    expect(isActiveAt(now + 1, null, now)).toBe(true);
    expect(endOfTokenAt(now + 1, now + 1, now)).toBeNull();
  });

  it('ends at the very millisecond of its expiry or revocation', () => {
    expect(tokenStatusAt(null, now, now)).toBe('expired');
    expect(tokenStatusAt(now, null, now)).toBe('revoked');
    expect(isActiveAt(null, now, now)).toBe(false);
    expect(isActiveAt(now, null, now)).toBe(false);
  });

  it('shows a token both revoked and expired as revoked', () => {
    expect(tokenStatusAt(now - 10, now - 20, now)).toBe('revoked');
    expect(tokenStatusAt(now - 20, now - 10, now)).toBe('revoked');
  });

  it('names the end that came first as why a token is refused, revocation on a tie', () => {
    expect(endOfTokenAt(now - 20, now - 10, now)).toBe('revoked');
    expect(endOfTokenAt(now - 10, now - 20, now)).toBe('expired');
    expect(endOfTokenAt(now - 10, now - 10, now)).toBe('revoked');
    expect(endOfTokenAt(now + 10, now - 10, now)).toBe('expired');
    expect(endOfTokenAt(now - 10, now + 10, now)).toBe('revoked');
  });
});
