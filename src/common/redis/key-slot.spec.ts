import { keySlot } from './key-slot.js';

describe('keySlot', () => {
  it('matches CLUSTER KEYSLOT', () => {
    // Values from Redis' cluster specification and `redis-cli CLUSTER KEYSLOT`.
    expect(keySlot('123456789')).toBe(0x31c3);
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('bar')).toBe(5061);
  });

  it('hashes only the hash tag when there is one', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
    expect(keySlot('tessera:rl:{token:1}:m')).toBe(keySlot('tessera:rl:{token:1}:h'));
    // An empty tag does not count: the whole key is hashed.
    expect(keySlot('foo{}{bar}')).not.toBe(keySlot('bar'));
  });
});
