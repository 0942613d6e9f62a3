import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Strategy } from 'passport';
import {
  BEARER_STRATEGY_REF,
  principalOf,
  runStrategy,
  type StrategyOutcome,
} from './bearer-auth.guard.js';
import type { AuthPrincipal } from './principal.js';

/**
 * The bearer strategy, for code that decides about a credential outside a guarded route:
 * `/verify` runs it on a request made of the token and the client's address, forward auth on
 * the proxy's request. Same strategy, same checks, same charging as the guard.
 */
@Injectable()
export class BearerCredentials {
  private strategy?: Strategy;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** What the strategy made of `request`'s Authorization header. */
  run(request: BearerRequestLike): Promise<StrategyOutcome> {
    this.strategy ??= this.moduleRef.get<Strategy>(BEARER_STRATEGY_REF, { strict: false });
    return runStrategy(this.strategy, request);
  }

  /**
   * The principal, or the error the guard would answer with (401 missing or invalid token,
   * 429 over the token's limit).
   */
  async authenticate(request: BearerRequestLike): Promise<AuthPrincipal> {
    return principalOf(await this.run(request));
  }
}

/** What the strategy reads of a request: its headers, and its client address. */
export interface BearerRequestLike {
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  socket: { remoteAddress?: string };
}

/**
 * A request as a service describes it: `token` presented from `clientIp` ('' when unknown).
 * The token is checked exactly as if it came in an Authorization header.
 */
export function describedRequest(token: string, clientIp: string): BearerRequestLike {
  return { headers: { authorization: `Bearer ${token}` }, ip: clientIp, socket: {} };
}
