import { isIP } from 'node:net';

/** IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) count as the IPv4 address they carry. */
export function normalizeIp(ip: string | undefined): string {
  if (!ip) return '';
  const lower = ip.toLowerCase();
  if (lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4) return lower.slice(7);
  return lower;
}
