import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { DomainError } from '../common/errors/domain-error.js';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30 s steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of the server's clock. */
const DRIFT_STEPS = 1;

/**
 * A TOTP code as typed: spaces are ignored (apps show `123 456`); anything else than six
 * digits is refused as bad input before any factor is tried.
 */
export function normalizeTotpCode(input: string): string {
  const code = input.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) {
    throw new DomainError('BadRequest', 'code must be the 6 digits your authenticator app shows');
  }
  return code;
}

/**
 * The 30 s step `code` belongs to, within one step of `nowMs`; null when it matches none. The
 * caller still has to refuse a step at or before the last one accepted (replay).
 */
export function totpStepOf(secret: string, code: string, nowMs = Date.now()): number | null {
  const result = verifySync({
    strategy: 'totp',
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: DRIFT_STEPS * TOTP_PERIOD_SECONDS,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** A fresh base32 secret of 160 bits (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` URI authenticator apps read from the QR code. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  return generateURI({
    strategy: 'totp',
    issuer,
    label: account,
    secret,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** No 0/o, 1/l/i: a code copied from paper reads one way. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of ten characters (about 49 bits each), shown as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = '';
    for (let i = 0; i < RECOVERY_LENGTH; i++) {
      code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    }
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** A recovery code as typed: case, dashes and spaces do not matter. */
export function normalizeRecoveryCode(input: string): string {
  const code = input.toLowerCase().replace(/[\s-]+/g, '');
  if (code.length !== RECOVERY_LENGTH || [...code].some((c) => !RECOVERY_ALPHABET.includes(c))) {
    throw new DomainError(
      'BadRequest',
      'recoveryCode must be one of your recovery codes, such as abcde-fghjk',
    );
  }
  return code;
}
