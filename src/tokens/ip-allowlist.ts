import { BlockList, isIP } from 'node:net';

/**
 * Token IP allowlists: addresses and CIDR blocks, IPv4 and IPv6. Entries are stored in one
 * canonical form (lower-case, compressed IPv6, host bits cleared, IPv4-mapped IPv6 written as
 * IPv4, `/32` and `/128` dropped) so that what the owner reads back is what is enforced.
 */
export const MAX_ALLOWED_IPS = 50;

/** The canonical form of an allowlist entry, or null if it is not an address or CIDR block. */
export function canonicalAllowedIp(entry: string): string | null {
  const [address, prefixText, ...rest] = entry.trim().toLowerCase().split('/');
  if (rest.length > 0) return null;
  let bytes = toBytes(address);
  if (!bytes) return null;
  let bits = bytes.length * 8;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;
    prefix = Number(prefixText);
  }
  if (bytes.length === 16 && isV4Mapped(bytes) && prefix >= 96) {
    bytes = bytes.subarray(12);
    bits = 32;
    prefix -= 96;
  }
  const network = Buffer.from(bytes);
  for (let bit = prefix; bit < bits; bit++) network[bit >> 3] &= ~(0x80 >> (bit & 7));
  const text = fromBytes(network);
  return prefix === bits ? text : `${text}/${prefix}`;
}

/**
 * Whether every address of `inner` lies in one of `outers` (all in canonical form). An empty
 * list allows any address: everything is within it, and it is within nothing else.
 */
export function allowlistWithin(inner: readonly string[], outers: readonly string[]): boolean {
  if (outers.length === 0) return true;
  if (inner.length === 0) return false;
  const blocks = outers.map(parseBlock);
  return inner.map(parseBlock).every((block) => blocks.some((outer) => contains(outer, block)));
}

interface Block {
  bytes: Buffer;
  prefix: number;
}

function parseBlock(entry: string): Block {
  const [address, prefix] = entry.split('/');
  const bytes = toBytes(address)!;
  return { bytes, prefix: prefix === undefined ? bytes.length * 8 : Number(prefix) };
}

function contains(outer: Block, inner: Block): boolean {
  if (outer.bytes.length !== inner.bytes.length || outer.prefix > inner.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const mask = 0x80 >> (bit & 7);
    if ((outer.bytes[bit >> 3] & mask) !== (inner.bytes[bit >> 3] & mask)) return false;
  }
  return true;
}

export class IpAllowlist {
  private readonly list = new BlockList();

  /** `entries` in canonical form (see {@link canonicalAllowedIp}). */
  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** `ip` as the client address is normalised (IPv4-mapped already written as IPv4). */
  allows(ip: string): boolean {
    if (this.entries.length === 0) return true;
    const family = isIP(ip);
    if (family === 0) return false;
    return this.list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  }
}

function isV4Mapped(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function toBytes(address: string): Buffer | null {
  const family = isIP(address);
  if (family === 4) return Buffer.from(address.split('.').map(Number));
  if (family !== 6) return null;
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    text =
      text.slice(0, -tail[1].length) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups =
    rest === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

function fromBytes(bytes: Buffer): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
  // The URL parser writes IPv6 in the RFC 5952 canonical (compressed) form.
  return new URL(`http://[${groups.join(':')}]`).hostname.slice(1, -1);
}
