import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { Strategy, type VerifyFunctionWithRequest } from 'passport-http-bearer';
import {
  BEARER_STRATEGY,
  EXEMPT_SCOPES_KEY,
  type DecidingStrategy,
  type StrategyOutcome,
} from '../common/auth/bearer-auth.guard.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { clientIp } from '../common/http/client-ip.js';
import { isDatabaseUnavailable } from '../common/errors/database-errors.js';
import {
  MetricsService,
  type HotChild,
  type VerificationKind,
  type VerificationOutcome,
} from '../common/metrics/metrics.service.js';
import { SessionAuthenticator } from '../sessions/session-authenticator.js';
import { API_TOKEN_PREFIX } from '../tokens/token-format.js';
import { TokenVerifierService } from '../tokens/token-verifier.service.js';
import { asBearerHeaders } from './authorization-header.js';
import { CredentialMissThrottle } from './credential-miss-throttle.js';

/** What the strategy sees of a request: its headers, and the request for the client address. */
interface BearerRequest {
  headers: FastifyRequest['headers'];
  request: FastifyRequest & { [EXEMPT_SCOPES_KEY]?: readonly string[] };
}

/**
 * passport-http-bearer also takes `access_token` from the query string and the body (RFC 6750
 * §2.2, §2.3). Credentials in URLs end up in proxy logs, histories and Referer headers, so here
 * only the Authorization header counts. Its `Token` scheme is handed on as `Bearer`.
 */
class HeaderOnlyBearerStrategy extends Strategy<VerifyFunctionWithRequest> {
  override authenticate(request: { headers: IncomingHttpHeaders }, options?: object): void {
    type Request = Parameters<Strategy<VerifyFunctionWithRequest>['authenticate']>[0];
    const bearer: BearerRequest = {
      headers: asBearerHeaders(request.headers),
      request: request as FastifyRequest,
    };
    super.authenticate(bearer as unknown as Request, options);
  }
}

/**
 * The one bearer strategy: resolves either kind of credential to a principal, or refuses it
 * with a {@link CredentialRefused} that says why (401 `invalid_token` or 429 over HTTP). A
 * correctly signed session access token is a session's; anything else (`tsr_` tokens and
 * imported ones in their old form) is an API token's, looked up by its hash.
 */
@Injectable()
export class BearerStrategy
  extends PassportStrategy(HeaderOnlyBearerStrategy, BEARER_STRATEGY)
  implements DecidingStrategy
{
  private readonly counted: Record<VerificationKind, Record<VerificationOutcome, HotChild>>;

  constructor(
    private readonly sessions: SessionAuthenticator,
    private readonly tokens: TokenVerifierService,
    private readonly misses: CredentialMissThrottle,
    metrics: MetricsService,
  ) {
    super({ passReqToCallback: true });
    const outcomes = (kind: VerificationKind) =>
      Object.fromEntries(
        OUTCOMES.map((outcome) => [outcome, metrics.verifications.child({ kind, outcome })]),
      ) as Record<VerificationOutcome, HotChild>;
    this.counted = { api_token: outcomes('api_token'), session: outcomes('session') };
  }

  /**
   * The decision {@link authenticate} reaches through Passport, reached directly (the guard,
   * `/verify` and forward auth ask this on every request): the credential read from the
   * Authorization header alone, exactly as passport-http-bearer reads it after
   * {@link asBearerHeaders}, then {@link validate}. A test holds the two ways together.
   */
  decide(request: { headers: IncomingHttpHeaders }): Promise<StrategyOutcome> {
    const headers = asBearerHeaders(request.headers);
    const token = bearerTokenOf(headers.authorization);
    if (token === MALFORMED) return Promise.resolve({ kind: 'fail', challenge: 400 });
    if (!token) return Promise.resolve({ kind: 'fail', challenge: this.challenge() });
    return this.validate({ headers, request: request as BearerRequest['request'] }, token).then(
      (principal): StrategyOutcome =>
        principal
          ? { kind: 'success', principal }
          : { kind: 'fail', challenge: this.challenge('invalid_token') },
      (error: unknown): StrategyOutcome => ({ kind: 'error', error }),
    );
  }

  /** passport-http-bearer's `WWW-Authenticate` challenge, as its own fail() gives it. */
  private challenge(code?: string): string {
    return (this as unknown as { _challenge(code?: string): string })._challenge(code);
  }

  async validate(req: BearerRequest, token: unknown): Promise<AuthPrincipal> {
    if (typeof token !== 'string') throw CredentialRefused.because('NOT_FOUND');
    // Neither a tsr_ token nor a session token of ours: an imported token, or nothing.
    const kind: VerificationKind =
      token.startsWith(API_TOKEN_PREFIX) || !this.sessions.recognizes(token)
        ? 'api_token'
        : 'session';
    const ip = kind === 'api_token' ? clientIp(req.request) : '';
    try {
      // An address that keeps presenting unknown credentials costs no more lookups for a while;
      // a token of its own already in the cache still works (a shared address is not locked out).
      const principal =
        kind === 'api_token'
          ? await this.tokens.authenticate(token, ip, {
              exemptScopes: req.request[EXEMPT_SCOPES_KEY],
              lookupRefused: this.misses.refusalFor(ip),
            })
          : await this.sessions.authenticate(token);
      this.counted[kind].ok.inc();
      return principal;
    } catch (error) {
      // Only a miss that cost a query is charged: a known credential never waits on the counter,
      // and an unknown one asked again is answered from the cache.
      const answer =
        error instanceof CredentialRefused && error.lookedUp
          ? ((await this.misses.missed(ip)) ?? error)
          : error;
      this.counted[kind][outcomeOf(answer)].inc();
      throw answer;
    }
  }
}

const MALFORMED = Symbol('malformed');

/**
 * The credential of an Authorization header as passport-http-bearer reads it (its header part;
 * the query and body are never read here): `Bearer` in any case and one space-free part after
 * one space; another number of spaces is malformed (its 400), another scheme or nothing is no
 * credential.
 */
function bearerTokenOf(authorization: string | undefined): string | typeof MALFORMED | undefined {
  if (!authorization) return undefined;
  const parts = authorization.split(' ');
  if (parts.length !== 2) return MALFORMED;
  return BEARER_SCHEME.test(parts[0]) ? parts[1] : undefined;
}

const BEARER_SCHEME = /^Bearer$/i;

const OUTCOMES: readonly VerificationOutcome[] = [
  'ok',
  'invalid',
  'rate_limited',
  'usage_exceeded',
  'unavailable',
  'error',
];

function outcomeOf(error: unknown): VerificationOutcome {
  if (error instanceof DomainError) {
    if (error instanceof CredentialRefused && error.reason === 'USAGE_EXCEEDED') {
      return 'usage_exceeded';
    }
    if (error.code === 'RateLimited') return 'rate_limited';
    if (error.code === 'Unavailable') return 'unavailable';
    return 'invalid';
  }
  return isDatabaseUnavailable(error) ? 'unavailable' : 'error';
}
