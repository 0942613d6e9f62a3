import { keySlot } from '../redis/key-slot.js';
import { counterKeys } from './redis-rate-limiter.js';

const window = (key: string) => ({ key, limit: 1, windowSeconds: 60 });

describe('counterKeys', () => {
  it("puts one token's windows in one cluster slot, and different tokens apart", () => {
    const one = counterKeys('tessera:', [window('token:a:m'), window('token:a:h')]);
    expect(one).toEqual(['tessera:rl:{token:a}:m', 'tessera:rl:{token:a}:h']);
    expect(keySlot(one[0])).toBe(keySlot(one[1]));
    const slots = new Set(
      Array.from({ length: 20 }, (_, i) => keySlot(counterKeys('t:', [window(`token:${i}:m`)])[0])),
    );
    expect(slots.size).toBeGreaterThan(10);
  });

  it('tags a single key with itself, so that addresses spread over the cluster', () => {
    expect(counterKeys('p:', [window('auth:login:ip:2001:db8::1')])).toEqual([
      'p:rl:{auth:login:ip:2001:db8::1}',
    ]);
  });

  it('refuses windows of one decision that share no subject', () => {
    expect(() => counterKeys('p:', [window('token:a:m'), window('token:b:h')])).toThrow(
      /share a subject/,
    );
  });
});
