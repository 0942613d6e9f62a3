/**
 * What can go wrong asking Tessera, apart from the answer itself (a refused credential is an
 * answer, `{ valid: false, code }`, never an error).
 */
export class TesseraError extends Error {
  constructor(
    message: string,
    /** The HTTP status Tessera answered, when it answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Tessera could not be reached, or did not answer within `timeoutMs`. */
export class TesseraNetworkError extends TesseraError {
  constructor(
    message: string,
    /** True when the request was given up after `timeoutMs`: it may have been counted. */
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, undefined, options);
  }
}

/**
 * Tessera refused the service's own credential: 401 (unknown, revoked, expired) or 403 (it
 * lacks `tokens:verify`).
 */
export class TesseraAuthError extends TesseraError {}

/** Tessera refused the service's own request as too many (429). */
export class TesseraRateLimitError extends TesseraError {
  constructor(
    message: string,
    /** Seconds to wait, from `Retry-After` (undefined when it was absent). */
    readonly retryAfter: number | undefined,
  ) {
    super(message, 429);
  }
}

/** Tessera failed (5xx): the credential's state is unknown. */
export class TesseraServerError extends TesseraError {
  constructor(
    message: string,
    status: number,
    /** Seconds to wait, from `Retry-After` (503 while its database is down). */
    readonly retryAfter?: number,
  ) {
    super(message, status);
  }
}
