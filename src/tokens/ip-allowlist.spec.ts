import { IpAllowlist, allowlistWithin, canonicalAllowedIp } from './ip-allowlist.js';

describe('canonicalAllowedIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7/32', '203.0.113.7'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8::1/128', '2001:db8::1'],
    ['2001:db8:abcd:12::ff/48', '2001:db8:abcd::/48'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::ffff:c000:0201', '192.0.2.1'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::1', '::1'],
    [' 198.51.100.0/24 ', '198.51.100.0/24'],
  ])('writes %s as %s', (entry, canonical) => {
    expect(canonicalAllowedIp(entry)).toBe(canonical);
  });

  it.each([
    'localhost',
    '10.0.0.256',
    '10.0.0.1/33',
    '2001:db8::1/129',
    '10.0.0.0/',
    '10.0.0.0/8/8',
    '10.0.0.0/-1',
    '10.0.0.0/08x',
    '',
    '1.2.3',
    '2001:db8:::1',
  ])('refuses %p', (entry) => {
    expect(canonicalAllowedIp(entry)).toBeNull();
  });
});

describe('IpAllowlist', () => {
  const list = new IpAllowlist(
    ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32', '::1'].map((e) => canonicalAllowedIp(e)!),
  );

  it('allows listed addresses and addresses inside listed blocks', () => {
    for (const ip of ['203.0.113.7', '10.200.3.4', '2001:db8:1::5', '::1']) {
      expect(list.allows(ip)).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const ip of ['203.0.113.8', '11.0.0.1', '2001:db9::1', '127.0.0.1', '', 'garbage']) {
      expect(list.allows(ip)).toBe(false);
    }
  });

  it('allows every address when empty', () => {
    expect(new IpAllowlist([]).allows('198.51.100.1')).toBe(true);
  });
});

describe('allowlistWithin', () => {
  const outer = ['10.0.0.0/8', '203.0.113.7', '2001:db8::/32'];

  it('accepts addresses and blocks inside one of the outer blocks', () => {
    expect(allowlistWithin(['10.1.0.0/16', '10.2.3.4', '203.0.113.7'], outer)).toBe(true);
    expect(allowlistWithin(['2001:db8:5::/48'], outer)).toBe(true);
  });

  it('refuses blocks wider than, or outside, every outer block', () => {
    expect(allowlistWithin(['10.0.0.0/7'], outer)).toBe(false);
    expect(allowlistWithin(['203.0.113.0/24'], outer)).toBe(false);
    expect(allowlistWithin(['11.0.0.1'], outer)).toBe(false);
    expect(allowlistWithin(['2001:db9::1'], outer)).toBe(false);
    expect(allowlistWithin(['10.1.1.1', '192.0.2.1'], outer)).toBe(false);
  });

  it('treats an empty list as any address', () => {
    expect(allowlistWithin([], outer)).toBe(false);
    expect(allowlistWithin(['192.0.2.1'], [])).toBe(true);
    expect(allowlistWithin([], [])).toBe(true);
  });
});
