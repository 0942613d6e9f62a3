import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The one date-time form the API takes: RFC 3339 (`2030-01-31T12:00:00Z`,
 * `2030-01-31T12:00:00.5+02:00`), i.e. OpenAPI's `date-time`. Week dates, ordinal dates, basic
 * forms and hour-only times are all valid ISO-8601 but not this, and are refused.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Within what PostgreSQL's timestamptz and JavaScript's Date both hold. */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z'); // Date.UTC reads year 1 as 1901
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > (month === 2 ? (leap ? 29 : 28) : daysInMonth)) return false;
  if (match[9] !== undefined && (Number(match[9]) > 23 || Number(match[10]) > 59)) return false;
  const at = Date.parse(value);
  return Number.isFinite(at) && at >= EARLIEST && at <= LATEST;
}

export function IsDateTime(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: property,
      options: {
        message: `${property} must be an RFC 3339 date-time such as 2030-01-31T12:00:00Z`,
        ...options,
      },
      validator: { validate: isDateTime },
    });
}
