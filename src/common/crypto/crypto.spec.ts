import { deriveKey, open, seal } from './crypto.js';

describe('seal/open', () => {
  const key = deriveKey('root-secret', 'purpose-a');

  it('opens what it sealed, with the same key only', () => {
    const sealed = seal(key, 'the successor pair');
    expect(sealed.toString('utf8')).not.toContain('successor');
    expect(open(key, sealed)).toBe('the successor pair');
    expect(open(deriveKey('root-secret', 'purpose-b'), sealed)).toBeNull();
  });

  it('refuses altered or truncated data', () => {
    const sealed = seal(key, 'data');
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(open(key, altered)).toBeNull();
    expect(open(key, sealed.subarray(0, 10))).toBeNull();
  });

  it('derives different keys for different purposes and secrets', () => {
    expect(deriveKey('s', 'a').equals(deriveKey('s', 'b'))).toBe(false);
    expect(deriveKey('s', 'a').equals(deriveKey('t', 'a'))).toBe(false);
    expect(deriveKey('s', 'a').equals(deriveKey('s', 'a'))).toBe(true);
  });
});
