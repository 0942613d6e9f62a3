/** Retries wait at most about this long: a receiver back after an outage hears within the hour. */
export const MAX_RETRY_DELAY_SECONDS = 3600;

/**
 * Seconds to wait after failed attempt number `attempt` (1 for the first): the base doubles
 * per attempt up to an hour, then ±20% jitter so that many events failed together do not all
 * come back at the same second.
 */
export function retryDelaySeconds(attempt: number, baseSeconds: number, random = Math.random()) {
  const delay = Math.min(MAX_RETRY_DELAY_SECONDS, baseSeconds * 2 ** Math.min(attempt - 1, 30));
  return Math.max(1, Math.round(delay * (0.8 + 0.4 * random)));
}
