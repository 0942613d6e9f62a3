/**
 * The Redis Cluster slot of a key (CRC16/XMODEM of the key, or of its hash tag, mod 16384), as
 * `CLUSTER KEYSLOT` computes it. Used off the hot path only: to find which master carries the
 * invalidation channel.
 */
export function keySlot(key: string): number {
  const bytes = Buffer.from(hashTagOf(key));
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc & 0x3fff;
}

/** What Redis hashes: the text between the first `{` and the next `}`, when not empty. */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}
