/**
 * When an API token is active, expired or revoked: the one rule, written once for TypeScript
 * (times as epoch ms, judged by the process clock) and once for SQL (judged by the database
 * clock). A token ends at its expiry and at its revocation; a revocation in the future is a
 * rotation's grace period, during which the token is still active.
 */

export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** The status at `now` (epoch ms; null times: never). Revoked wins over expired. */
export function tokenStatusAt(
  revokedAt: number | null,
  expiresAt: number | null,
  now: number,
): TokenStatus {
  if (revokedAt !== null && revokedAt <= now) return 'revoked';
  if (expiresAt !== null && expiresAt <= now) return 'expired';
  return 'active';
}

/** Whether the token is active at `now`: neither revoked nor expired yet. */
export function isActiveAt(
  revokedAt: number | null,
  expiresAt: number | null,
  now: number,
): boolean {
  return tokenStatusAt(revokedAt, expiresAt, now) === 'active';
}

/**
 * What ended a token that is not active at `now`: of revocation and expiry, whichever came
 * first (revocation on a tie); null while it is active. A refusal names this end.
 */
export function endOfTokenAt(
  revokedAt: number | null,
  expiresAt: number | null,
  now: number,
): Exclude<TokenStatus, 'active'> | null {
  const status = tokenStatusAt(revokedAt, expiresAt, now);
  if (status === 'active') return null;
  // Revoked (as of now) after it had expired: the expiry ended it.
  if (status === 'revoked' && expiresAt !== null && expiresAt < revokedAt!) return 'expired';
  return status;
}

/**
 * The same rule as SQL conditions over the columns of `api_tokens`, prefixed by `alias` (e.g.
 * `t.`, or '' for none). Each condition is parenthesized, so it may be joined with AND as is.
 * `clock` is the instant judged: the transaction's start (`now()`) unless a caller inside a
 * long transaction needs its statement's (see {@link STATEMENT_CLOCK}).
 */
export function tokenStatusSql(
  alias: string,
  clock = 'now()',
): Readonly<Record<TokenStatus, string>> {
  const notRevoked = `(${alias}revoked_at IS NULL OR ${alias}revoked_at > ${clock})`;
  const notExpired = `(${alias}expires_at IS NULL OR ${alias}expires_at > ${clock})`;
  return {
    active: `(${notRevoked} AND ${notExpired})`,
    expired: `(${notRevoked} AND ${alias}expires_at <= ${clock})`,
    revoked: `(${alias}revoked_at <= ${clock})`,
  };
}

/**
 * The clock of the token limit: a count made under the owner's row lock, and the revocations
 * of rotations made under it, are judged by the time of their own statement. A transaction
 * that waited for the lock started before the one that held it, so by its `now()` a token the
 * holder revoked (at the holder's time) would still look active.
 */
export const STATEMENT_CLOCK = 'statement_timestamp()';

/** {@link tokenStatusSql} for the table named without an alias. */
export const TOKEN_STATUS_SQL = tokenStatusSql('');
/** {@link tokenStatusSql} for the table aliased `t`. */
export const TOKEN_STATUS_SQL_T = tokenStatusSql('t.');
