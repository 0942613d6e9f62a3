/** Socket-level failures: the database is not there, or went away mid-query. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that cannot serve right now: class 08 (connection exception),
 * shutting down or starting up (57P01–57P03), too many connections (53300).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/**
 * What node-postgres and its pool say when a connection ends or cannot be had, and what TypeORM
 * says of the next statement of a transaction whose connection ended (it lets the connection go
 * when it fails: "Query runner already released", or "... provided by a query runner was
 * already released"); the service never lets one go before its work is done.
 */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|Query runner already released|query runner was already released/i;

/**
 * Whether an error means "the database cannot be reached" rather than "this query is wrong":
 * the first is a 503 that goes away by itself, the second a bug (500). Looks through TypeORM's
 * `driverError` and `cause`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  // Not `instanceof Error`: socket errors may come from another realm (a VM context in tests).
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) {
    return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  const inner =
    (error as { driverError?: unknown }).driverError ?? (error as { cause?: unknown }).cause;
  return inner !== undefined && isDatabaseUnavailable(inner, depth + 1);
}
