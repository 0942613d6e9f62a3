import { normalizeIp } from './client-ip.js';
import { loggableUrl } from './logger.js';

describe('normalizeIp', () => {
  it('counts IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(normalizeIp('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(normalizeIp('::FFFF:10.0.0.1')).toBe('10.0.0.1');
  });
  it('leaves other addresses as they are, lower-cased', () => {
    expect(normalizeIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeIp('::ffff:zzz')).toBe('');
    expect(normalizeIp('z'.repeat(60))).toBe('');
  });
  it('drops an IPv6 zone, so that no address is longer than 45 characters', () => {
    expect(normalizeIp('fe80::1%' + 'a'.repeat(60))).toBe('fe80::1');
    expect(normalizeIp('FE80::1%eth0')).toBe('fe80::1');
    expect(normalizeIp('%eth0')).toBe('');
    expect(normalizeIp(undefined)).toBe('');
  });
});

describe('loggableUrl', () => {
  it('hides secrets passed in the query string and keeps the rest', () => {
    expect(loggableUrl('/api/v1/auth/me?access_token=abc&status=all')).toBe(
      '/api/v1/auth/me?access_token=[redacted]&status=all',
    );
    expect(loggableUrl('/x?a=1&TOKEN=s3cr3t')).toBe('/x?a=1&TOKEN=[redacted]');
    expect(loggableUrl('/health/live')).toBe('/health/live');
  });
});
