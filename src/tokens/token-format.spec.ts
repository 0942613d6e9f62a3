import {
  API_TOKEN_LENGTH,
  checksum,
  generateApiToken,
  isWellFormedApiToken,
} from './token-format.js';

describe('API token format', () => {
  it('is tsr_ + 34 random base62 characters + a 6-character base62 CRC32 of what precedes', () => {
    const token = generateApiToken();
    expect(token).toMatch(/^tsr_[0-9A-Za-z]{40}$/);
    expect(token).toHaveLength(API_TOKEN_LENGTH);
    expect(token.slice(-6)).toBe(checksum(token.slice(0, -6)));
    expect(isWellFormedApiToken(token)).toBe(true);
  });

  it('writes the checksum in base62, left-padded with 0', () => {
    // Reference values computed independently (Python's zlib.crc32 and its own base62):
    // CRC32("tsr_") = 0x757369cf = 1970497999.
    expect(checksum('tsr_')).toBe('29M0Xn');
    // CRC32("tsr_436") = 3294615 < 62^4: two characters of padding.
    expect(checksum('tsr_436')).toBe('00Dp4x');
  });

  it('refuses a token whose checksum or shape is wrong', () => {
    const token = generateApiToken();
    const flipped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    expect(isWellFormedApiToken(flipped)).toBe(false);
    expect(isWellFormedApiToken(token.slice(0, -1))).toBe(false);
    expect(isWellFormedApiToken(token + 'x')).toBe(false);
    expect(isWellFormedApiToken(token.replace('tsr_', 'tsx_'))).toBe(false);
    expect(isWellFormedApiToken(token.slice(0, -6) + '-'.repeat(6))).toBe(false);
  });

  it('draws characters evenly from the whole alphabet', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const c of generateApiToken().slice(4, 38)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    const expected = (2000 * 34) / 62; // about 1097 each
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2);
  });

  it('never repeats', () => {
    const seen = new Set(Array.from({ length: 10_000 }, generateApiToken));
    expect(seen.size).toBe(10_000);
  });
});
