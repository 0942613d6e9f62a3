import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

export const EMAIL_MAX = 320;

/** Control, format (bidi overrides, zero-width), separator and private-use characters, quotes. */
const LOOKALIKE = /[\p{C}\p{Z}"\\]/u;

/**
 * An address an account can be keyed on: a dot-atom ASCII local part (no quoted forms), a
 * domain without invisible or direction-changing characters, in NFC. Otherwise
 * `ada@example.com` and the same text with U+202E appended would be two accounts.
 */
export function isAccountEmail(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= EMAIL_MAX &&
    !LOOKALIKE.test(value) &&
    value.normalize('NFC') === value &&
    isEmail(value, { allow_utf8_local_part: false, allow_ip_domain: false })
  );
}

export function IsAccountEmail(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isAccountEmail',
      target: target.constructor,
      propertyName: property,
      options: { message: `${property} must be an email`, ...options },
      validator: { validate: isAccountEmail },
    });
}
