import { hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  const verified: string[] = [];
  const hasher = new PasswordHasher({
    hash,
    verify: (hashed, password) => {
      verified.push(String(hashed));
      return verify(hashed, password);
    },
  });

  beforeAll(() => hasher.onModuleInit());
  beforeEach(() => (verified.length = 0));

  it('hashes with argon2id at the OWASP parameters, and verifies', async () => {
    const hashed = await hasher.hash('correct horse');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hashed, 'correct horse')).toBe(true);
    expect(await hasher.verify(hashed, 'wrong horse')).toBe(false);
  });

  it('for an unknown user, does the same argon2 work against a dummy hash and answers false', async () => {
    expect(await hasher.verify(undefined, 'tessera-timing-equaliser')).toBe(false);
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers false for a corrupt stored hash instead of throwing', async () => {
    expect(await hasher.verify('not-a-hash', 'whatever')).toBe(false);
  });
});
