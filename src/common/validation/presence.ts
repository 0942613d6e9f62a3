import { Transform } from 'class-transformer';
import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out; when present it is validated, and `null` is a wrong type like any
 * other (class-validator's IsOptional would let `null` through to the handler).
 */
export function Optional(options?: ValidationOptions) {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** The field may be left out or be `null` (which means something, e.g. "clear it"). */
export function OptionalNullable(options?: ValidationOptions) {
  return ValidateIf((_object, value) => value !== undefined && value !== null, options);
}

const INTEGER = /^-?\d{1,15}$/;

/**
 * A query-string integer: only plain decimal digits become a number (`10`, not `1e1`, ` 10`,
 * `0x0a` or an empty string); anything else stays a string and fails IsInt.
 */
export function QueryInteger() {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && INTEGER.test(value) ? Number(value) : value,
  );
}
