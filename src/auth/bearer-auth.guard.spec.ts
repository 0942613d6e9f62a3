import { MetricsService } from '../common/metrics/metrics.service.js';
import { SetMetadata } from '@nestjs/common';
import { Reflector, type ModuleRef } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { BearerStrategy } from './bearer.strategy.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import { CredentialMissThrottle } from './credential-miss-throttle.js';
import type { AppConfig } from '../common/config/app-config.js';
import { MemoryRateLimiter } from '../common/rate-limit/rate-limiter.js';
import type { SessionAuthenticator } from '../sessions/session-authenticator.js';
import type { TokenVerifierService } from '../tokens/token-verifier.service.js';
import { DomainError, invalidToken } from '../common/errors/domain-error.js';
import {
  BearerAuthGuard,
  REQUIRED_SCOPES,
  runPassport,
  runStrategy,
  type StrategyOutcome,
} from '../common/auth/bearer-auth.guard.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { Scope } from '../common/auth/scopes.js';

const principal: AuthPrincipal = {
  userId: 'u-1',
  role: 'user',
  scopes: ['profile:read'],
  sessionId: 's-1',
};

const API_TOKEN = 'tsr_' + 'a'.repeat(40);
/** Imported from another system, in its old form. */
const LEGACY_TOKEN = 'sk_live_0123456789abcdef';
const tokenPrincipal: AuthPrincipal = {
  userId: 'u-2',
  role: 'user',
  scopes: ['tokens:read'],
  tokenId: 't-1',
  rateLimit: { allowed: true, limit: 600, remaining: 599, resetSeconds: 60 },
};
const tokenCalls: { token: string; ip: string }[] = [];

/** The counters of unknown credentials, with the number of times they were charged. */
class CountingLimiter extends MemoryRateLimiter {
  charged = 0;
  override consumeAll(windows: Parameters<MemoryRateLimiter['consumeAll']>[0]) {
    this.charged++;
    return super.consumeAll(windows);
  }
}
const missCounter = new CountingLimiter();

// The real strategy, with the session and token lookups swapped for fixed answers.
const strategy = new BearerStrategy(
  {
    // 'good' passes for a session token of ours; anything else is an API token's to judge.
    recognizes: (token: string) => token === 'good',
    authenticate: async (token: string) => {
      if (token === 'good') return principal;
      throw invalidToken();
    },
  } as unknown as SessionAuthenticator,
  {
    authenticate: async (token: string, ip: string) => {
      tokenCalls.push({ token, ip });
      // An unknown string already refused once comes from the cache: no query, no charge.
      if (token === 'tsr_cached_unknown') throw CredentialRefused.because('NOT_FOUND');
      if (token !== API_TOKEN && token !== LEGACY_TOKEN) throw CredentialRefused.lookedUpInVain();
      return tokenPrincipal;
    },
  } as unknown as TokenVerifierService,
  new CredentialMissThrottle(
    missCounter,
    { authRatePerMinute: 10 } as AppConfig,
    new MetricsService(),
  ),
  new MetricsService(),
);

function contextFor(authorization: string | undefined, scopes: Scope[], classScopes: Scope[] = []) {
  const handler = () => undefined;
  SetMetadata(REQUIRED_SCOPES, scopes)(handler, 'handler', { value: handler });
  class Controller {}
  SetMetadata(REQUIRED_SCOPES, classScopes)(Controller);
  const request: Record<string, unknown> = {
    headers: authorization ? { authorization } : {},
    query: { access_token: 'good' },
    body: { access_token: 'good' },
    ip: '::ffff:203.0.113.9',
    socket: { remoteAddress: '127.0.0.1' },
  };
  const sent: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (sent[name] = value) };
  return {
    request,
    sent,
    context: new ExecutionContextHost([request, reply], Controller, handler),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the guard to refuse');
}

describe('BearerAuthGuard', () => {
  const guard = new BearerAuthGuard(new Reflector(), {
    get: () => strategy,
  } as unknown as ModuleRef);

  it('lets a credential with the required scopes through and hands over the principal', async () => {
    const { request, context } = contextFor('Bearer good', ['profile:read']);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toBe(principal);
  });

  it('hands API tokens to the token verifier with the client address, and reports their rate limit', async () => {
    const { request, sent, context } = contextFor(`Bearer ${API_TOKEN}`, ['tokens:read']);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toBe(tokenPrincipal);
    expect(tokenCalls.at(-1)).toEqual({ token: API_TOKEN, ip: '203.0.113.9' });
    expect(sent).toEqual({
      'RateLimit-Limit': '600',
      'RateLimit-Remaining': '599',
      'RateLimit-Reset': '60',
    });
  });

  it('hands a string that is neither a tsr_ nor a session token to the token verifier', async () => {
    const { request, context } = contextFor(`Token ${LEGACY_TOKEN}`, ['tokens:read']);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toBe(tokenPrincipal);
    expect(tokenCalls.at(-1)).toEqual({ token: LEGACY_TOKEN, ip: '203.0.113.9' });
  });

  it('reads the credential from the Authorization header only, never the query or body', async () => {
    const error = await failureOf(guard.canActivate(contextFor(undefined, []).context));
    expect(error.status).toBe(401);
  });

  it('refuses a missing scope with 403 insufficient_scope naming the scope', async () => {
    const { context } = contextFor('Bearer good', ['profile:read', 'sessions:write']);
    const error = await failureOf(guard.canActivate(context));
    expect(error.status).toBe(403);
    expect(error.headers['WWW-Authenticate']).toBe(
      'Bearer realm="tessera", error="insufficient_scope", scope="sessions:write"',
    );
  });

  it("adds the controller's scopes to the route's", async () => {
    const { context } = contextFor('Bearer good', ['profile:read'], ['admin']);
    const error = await failureOf(guard.canActivate(context));
    expect(error.status).toBe(403);
    expect(error.headers['WWW-Authenticate']).toMatch(/scope="admin"/);
    await expect(
      guard.canActivate(contextFor('Bearer good', [], ['profile:read']).context),
    ).resolves.toBe(true);
  });

  it('refuses no credential with a bare challenge, and a bad one with invalid_token', async () => {
    const missing = await failureOf(guard.canActivate(contextFor(undefined, []).context));
    expect(missing.status).toBe(401);
    expect(missing.headers['WWW-Authenticate']).toBe('Bearer realm="tessera"');

    for (const header of ['Bearer bad', 'Bearer two parts', 'Bearer']) {
      const error = await failureOf(guard.canActivate(contextFor(header, []).context));
      expect(error.status).toBe(401);
      expect(error.headers['WWW-Authenticate']).toBe(
        'Bearer realm="tessera", error="invalid_token"',
      );
    }
  });

  it('charges the unknown-credential counter for a miss only: a known credential never touches it', async () => {
    const before = missCounter.charged;
    for (let i = 0; i < 3; i++) {
      await guard.canActivate(contextFor(`Bearer ${API_TOKEN}`, []).context);
      await guard.canActivate(contextFor('Bearer good', []).context);
    }
    expect(missCounter.charged).toBe(before);
    await failureOf(guard.canActivate(contextFor('Bearer tsr_unknown', []).context));
    expect(missCounter.charged).toBe(before + 1);
    await failureOf(guard.canActivate(contextFor('Bearer tsr_cached_unknown', []).context));
    expect(missCounter.charged).toBe(before + 1);
  });
});

describe("BearerStrategy's direct decision", () => {
  /** What an outcome says, comparable across two runs (errors by class and message). */
  const described = (outcome: StrategyOutcome) =>
    outcome.kind === 'error'
      ? {
          kind: 'error',
          type: (outcome.error as Error).constructor.name,
          message: (outcome.error as Error).message,
          reason: (outcome.error as CredentialRefused).reason,
        }
      : outcome;

  it.each([
    undefined,
    '',
    'Bearer good',
    'bearer good',
    'BEARER good',
    'Token good',
    'Bearer  good',
    '  Bearer good  ',
    'Bearer good\t',
    'Bearer go\tod',
    'Bearer',
    'Bearer ',
    'Bearer two parts',
    'Basic dXNlcjpwYXNz',
    'good',
    `Bearer ${API_TOKEN}`,
    `Token ${LEGACY_TOKEN}`,
    'Bearer tsr_unknown',
    'Bearer tsr_cached_unknown',
    'Bearer bad',
  ])('answers the Authorization header %j as a run through Passport does', async (header) => {
    const request = () => ({
      headers: header === undefined ? {} : { authorization: header },
      query: { access_token: 'good' },
      body: { access_token: 'good' },
      ip: '203.0.113.9',
      socket: {},
    });
    const direct = await strategy.decide(request());
    const passport = await runPassport(strategy, request());
    expect(described(direct)).toEqual(described(passport));
  });

  it('is what the guard, /verify and forward auth run', async () => {
    const decided: object[] = [];
    const probe = Object.create(strategy, {
      decide: {
        value: (request: Parameters<typeof strategy.decide>[0]) => (
          decided.push(request),
          strategy.decide(request)
        ),
      },
    }) as typeof strategy;
    const request = { headers: { authorization: 'Bearer good' }, ip: '', socket: {} };
    expect(await runStrategy(probe, request)).toEqual({ kind: 'success', principal });
    expect(decided).toEqual([request]);
  });
});
