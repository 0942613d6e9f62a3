import { DomainError } from '../common/errors/domain-error.js';

/** What an `Idempotency-Key` header may hold: 1 to 255 printable ASCII characters, no space. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The header's value when it is a valid key (or absent); 400 otherwise. */
export function checkedIdempotencyKey(value: string | undefined): string | undefined {
  if (value !== undefined && !IDEMPOTENCY_KEY.test(value)) {
    throw new DomainError(
      'BadRequest',
      'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces',
    );
  }
  return value;
}
