import {
  createCipheriv,
  createDecipheriv,
  hash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export function sha256(value: string | Buffer): Buffer {
  return hash('sha256', value, 'buffer');
}

/** SHA-256 as base64 in one call: on the per-request path, a quarter of `createHash`'s cost. */
export function sha256Base64(value: string): string {
  return hash('sha256', value, 'base64');
}

/** A key for repeated HMACs: imported once rather than at every call. */
export function hmacKey(key: Buffer): KeyObject {
  return createSecretKey(key);
}

export function hmacSha256(key: Buffer | KeyObject, value: string | Buffer): Buffer {
  return createHmac('sha256', key).update(value).digest();
}

/** A 256-bit key for one purpose, derived from the root secret (HKDF-SHA-256). */
export function deriveKey(rootSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootSecret, 'tessera', purpose, 32));
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: iv | tag | ciphertext. */
export function seal(key: Buffer, plaintext: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens what {@link seal} made; null when the key is wrong or the data was altered. */
export function open(key: Buffer, sealed: Buffer): string | null {
  if (sealed.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}
