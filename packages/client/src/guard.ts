import { isIP } from 'node:net';
import type { TesseraClient } from './client.js';
import {
  beforeAsking,
  credentialOf,
  decide,
  unavailable,
  type Decision,
  type OrgRole,
} from './decision.js';
import { TesseraError, TesseraRateLimitError, TesseraServerError } from './errors.js';

/** What every middleware is told about a route. */
export interface GuardOptions {
  client: TesseraClient;
  /** Scopes the credential must all hold. */
  scopes?: string[];
  /**
   * An organization's route (`{org}` in Tessera's policy file): `param` names the path
   * parameter holding the org's id or slug; `role` is the least role a user needs in it
   * (default `member`). An org token of that org always passes.
   */
  org?: {
    param: string;
    role?: OrgRole;
  };
}

/**
 * Asks Tessera about a request's credential and decides; never throws. A failure to ask
 * (Tessera down or slow, the service's own token refused) fails closed with 503.
 */
export async function judge(
  options: GuardOptions,
  authorization: string | string[] | undefined,
  clientIp: string | undefined,
  params: Record<string, unknown> | undefined,
): Promise<Decision> {
  const credential = credentialOf(authorization);
  const early = beforeAsking(credential);
  if (early) return early;
  // A route without the parameter names no org: nobody belongs to it.
  const ref = options.org ? params?.[options.org.param] : undefined;
  const org = options.org && { ...options.org, ref: typeof ref === 'string' ? ref : '' };
  try {
    const answer = await options.client.verify(credential!, {
      scopes: options.scopes,
      clientIp: clientIp && isIP(clientIp) ? clientIp : undefined,
    });
    return decide(answer, options.scopes, org);
  } catch (error) {
    if (!(error instanceof TesseraError)) throw error;
    const retryAfter =
      error instanceof TesseraRateLimitError || error instanceof TesseraServerError
        ? error.retryAfter
        : undefined;
    return unavailable(retryAfter);
  }
}
