import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API token format (GitHub's scheme, so secret scanners can check it offline):
 * `tsr_` + 34 random base62 characters + the CRC32 of everything before, in base62, left-padded
 * with `0` to 6 characters. 34 base62 characters carry 202 bits of entropy.
 */
export const API_TOKEN_PREFIX = 'tsr_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 34;
const CHECKSUM_LENGTH = 6;
export const API_TOKEN_LENGTH = API_TOKEN_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;
/** What the token view shows of the secret. */
export const DISPLAY_PREFIX_LENGTH = 8;

const SHAPE = /^tsr_[0-9A-Za-z]{40}$/;
/** The largest multiple of 62 below 256: bytes at or above it are dropped to avoid bias. */
const UNBIASED_LIMIT = 248;

export function generateApiToken(): string {
  let random = '';
  while (random.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(48)) {
      if (byte < UNBIASED_LIMIT) random += ALPHABET[byte % 62];
      if (random.length === RANDOM_LENGTH) break;
    }
  }
  const body = API_TOKEN_PREFIX + random;
  return body + checksum(body);
}

/** True when `token` has the shape of an API token and its checksum matches. */
export function isWellFormedApiToken(token: string): boolean {
  if (token.length !== API_TOKEN_LENGTH || !SHAPE.test(token)) return false;
  const split = token.length - CHECKSUM_LENGTH;
  return checksum(token.slice(0, split)) === token.slice(split);
}

/**
 * The longest imported (legacy) secret: longer strings in an Authorization header are not
 * looked up at all.
 */
export const LEGACY_TOKEN_MAX_LENGTH = 1024;
/** Visible ASCII only: what an Authorization header can carry as one credential. */
const LEGACY_SHAPE = /^[\x21-\x7e]+$/;

/**
 * True when `token` could be an imported secret in its old form: not a `tsr_` string (those
 * are ours, checked by checksum), visible ASCII without spaces, at most
 * {@link LEGACY_TOKEN_MAX_LENGTH} characters.
 */
export function isLegacyTokenShape(token: string): boolean {
  return (
    token.length <= LEGACY_TOKEN_MAX_LENGTH && !/^tsr_/i.test(token) && LEGACY_SHAPE.test(token)
  );
}

export function checksum(body: string): string {
  return toBase62(crc32(body)).padStart(CHECKSUM_LENGTH, '0');
}

function toBase62(value: number): string {
  let out = '';
  do {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  } while (value > 0);
  return out;
}
