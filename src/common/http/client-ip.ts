import { isIP } from 'node:net';

/**
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) count as the IPv4 address they carry;
 * anything that is not an IP address at all is ''.
 */
export function normalizeIp(ip: string | undefined): string {
  if (!ip) return '';
  // A zone (`fe80::1%eth0`) names an interface of the sender's host: not part of the address.
  const zone = ip.indexOf('%');
  const lower = (zone === -1 ? ip : ip.slice(0, zone)).toLowerCase();
  if (lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4) return lower.slice(7);
  return isIP(lower) ? lower : '';
}

/**
 * The client address: the one X-Forwarded-For names when the peer is a proxy trusted by
 * TRUST_PROXY (as Fastify works it out), else the socket's. A forwarded value that is not an
 * address (a misconfigured or pass-through proxy) falls back to the socket's.
 */
export function clientIp(request: { ip: string; socket: { remoteAddress?: string } }): string {
  return normalizeIp(request.ip) || normalizeIp(request.socket.remoteAddress);
}
