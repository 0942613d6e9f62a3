import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { Strategy } from 'passport';
import {
  DomainError,
  insufficientScope,
  invalidToken,
  missingToken,
} from '../errors/domain-error.js';
import { setRateLimitHeaders } from '../rate-limit/rate-limiter.js';
import type { AuthPrincipal } from './principal.js';

export const REQUIRED_SCOPES = 'tessera:required-scopes';
/** Route metadata: the scopes whose holders this route does not charge per-token limits. */
export const CHARGE_EXEMPT_SCOPES = 'tessera:charge-exempt-scopes';
/** Route metadata: reachable by an admin who still has to enroll a second factor. */
export const DURING_ENROLLMENT = 'tessera:during-enrollment';
/**
 * Where the guard leaves those scopes on the request for the strategy: an API token holding
 * one of them is not charged (a service verifying other credentials all day long).
 */
export const EXEMPT_SCOPES_KEY = Symbol('tessera.chargeExemptScopes');
export const BEARER_STRATEGY = 'bearer';
/** The provider under which the app's bearer strategy instance is found. */
export const BEARER_STRATEGY_REF = Symbol('BearerStrategy');

export type StrategyOutcome =
  | { kind: 'success'; principal: AuthPrincipal }
  | { kind: 'fail'; challenge?: unknown }
  | { kind: 'error'; error: unknown };

/**
 * Runs the registered Passport bearer strategy, then checks the scopes the route declared.
 *
 * It calls the strategy the way `passport.authenticate()` does (a per-request instance with
 * success/fail/error), without going through `AuthGuard` and the generic middleware behind
 * it: on the hot path that layer cost about a third of the throughput of an authenticated
 * request (7.2k against 9.8k req/s on one route), for features (sessions, redirects, flash
 * messages) a bearer API never uses.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private strategy?: Strategy;
  /** What each route asks for, read from its metadata once. */
  private readonly routes = new WeakMap<object, RouteNeeds>();

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<{
      user?: AuthPrincipal;
      [EXEMPT_SCOPES_KEY]?: readonly string[];
    }>();
    // This application's instance, rather than Passport's process-wide registry, which holds
    // only the strategy of the app started last.
    this.strategy ??= this.moduleRef.get<Strategy>(BEARER_STRATEGY_REF, { strict: false });
    const needs = this.needsOf(context);
    if (needs.exempt) request[EXEMPT_SCOPES_KEY] = needs.exempt;
    const principal = principalOf(await runStrategy(this.strategy, request));
    request.user = principal;
    if (principal.rateLimit) {
      // On every response to an API token, errors included.
      setRateLimitHeaders(http.getResponse<FastifyReply>(), principal.rateLimit);
    }
    if (principal.mfaEnrollmentRequired && !needs.duringEnrollment) {
      throw mfaEnrollmentRequired();
    }
    for (const scope of needs.scopes) {
      if (!principal.scopes.includes(scope)) throw insufficientScope(scope);
    }
    return true;
  }

  private needsOf(context: ExecutionContext): RouteNeeds {
    const handler = context.getHandler();
    let needs = this.routes.get(handler);
    if (!needs) {
      needs = {
        // What the route and its controller ask for, together.
        scopes: [
          ...new Set(
            this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES, [handler, context.getClass()]),
          ),
        ],
        exempt: this.reflector.get<string[] | undefined>(CHARGE_EXEMPT_SCOPES, handler) ?? null,
        duringEnrollment:
          this.reflector.get<boolean | undefined>(DURING_ENROLLMENT, handler) ?? false,
      };
      this.routes.set(handler, needs);
    }
    return needs;
  }
}

interface RouteNeeds {
  scopes: readonly string[];
  /** Scopes whose holders the route does not charge per-token limits, if any. */
  exempt: readonly string[] | null;
  /** Open to an admin who has yet to enroll a second factor (REQUIRE_MFA_FOR_ADMINS). */
  duringEnrollment: boolean;
}

/** REQUIRE_MFA_FOR_ADMINS: the answer to an admin without a second factor, outside enrolment. */
export function mfaEnrollmentRequired(): DomainError {
  return new DomainError(
    'MfaEnrollmentRequired',
    'mfa_enrollment_required: admins must enroll a second factor (TOTP or a passkey) first',
    {},
    { code: 'mfa_enrollment_required' },
  );
}

/**
 * A Passport strategy that can also give its decision directly: the same outcome as
 * {@link runPassport}, from the same code of the strategy, without a per-request instance,
 * its callbacks and the promise around them.
 */
export interface DecidingStrategy extends Strategy {
  decide(request: object): Promise<StrategyOutcome>;
}

/**
 * What `registered` makes of `request`: its own decision when it offers one
 * ({@link DecidingStrategy}, as the app's bearer strategy does), else a run of it the way
 * `passport.authenticate()` does. The guard, `/verify` and forward auth all decide through
 * this one call.
 */
export function runStrategy(registered: Strategy, request: object): Promise<StrategyOutcome> {
  const decide = (registered as Partial<DecidingStrategy>).decide;
  if (typeof decide === 'function') return decide.call(registered, request);
  return runPassport(registered, request);
}

/**
 * Runs `registered` on `request` the way `passport.authenticate()` does: a per-request
 * instance whose success/fail/error settle the outcome.
 */
export function runPassport(registered: Strategy, request: object): Promise<StrategyOutcome> {
  const Run = runsOf(registered);
  return new Promise((resolve) => new Run(resolve).authenticate(request));
}

type Settle = (outcome: StrategyOutcome) => void;

interface StrategyRun {
  settle: Settle;
  authenticate(request: object): void;
}

/**
 * The per-request instance is an object holding only how to settle its promise, over a
 * prototype shared by every run of `registered` that inherits the strategy and adds the
 * success/fail/error Passport calls: on the hot path, one small object a request rather than
 * a copy of the strategy and five closures.
 */
const runClasses = new WeakMap<Strategy, new (settle: Settle) => StrategyRun>();

function runsOf(registered: Strategy): new (settle: Settle) => StrategyRun {
  let Run = runClasses.get(registered);
  if (!Run) {
    const prototype = Object.create(registered, {
      success: method(function (this: StrategyRun, user: unknown) {
        this.settle({ kind: 'success', principal: user as AuthPrincipal });
      }),
      fail: method(function (this: StrategyRun, challenge?: unknown) {
        this.settle({ kind: 'fail', challenge });
      }),
      error: method(function (this: StrategyRun, error: unknown) {
        this.settle({ kind: 'error', error });
      }),
      pass: method(function (this: StrategyRun) {
        this.settle({ kind: 'fail' });
      }),
      redirect: method(function (this: StrategyRun) {
        this.settle({ kind: 'fail' });
      }),
    }) as StrategyRun;
    const Created = function (this: StrategyRun, settle: Settle) {
      this.settle = settle;
    } as unknown as new (settle: Settle) => StrategyRun;
    Created.prototype = prototype;
    Run = Created;
    runClasses.set(registered, Run);
  }
  return Run;
}

function method(value: (...args: never[]) => void): PropertyDescriptor {
  return { value, writable: true, configurable: true };
}

/**
 * passport-http-bearer fails with its bare challenge when no token was sent, with an
 * `error="invalid_token"` challenge when the strategy refused it, and with 400 when the
 * header is malformed.
 */
export function principalOf(outcome: StrategyOutcome): AuthPrincipal {
  if (outcome.kind === 'success') return outcome.principal;

  if (outcome.kind === 'error') throw outcome.error;
  const { challenge } = outcome;
  throw typeof challenge === 'string' && !challenge.includes('error=')
    ? missingToken()
    : invalidToken();
}
