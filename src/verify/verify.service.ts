import { Injectable } from '@nestjs/common';
import { BearerCredentials, describedRequest } from '../common/auth/bearer-credentials.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { normalizeIp } from '../common/http/client-ip.js';
import type { RateLimitResult } from '../common/rate-limit/rate-limiter.js';
import type { RateLimitDto, VerificationDto, VerifyDto } from './verify.dto.js';

/**
 * Verification on behalf of another service: the token goes through the bearer strategy as
 * if the client had sent it to Tessera from `clientIp`, so it is checked, charged and recorded
 * exactly as on any guarded route; only the answer differs (a reason instead of a 401).
 */
@Injectable()
export class VerifyService {
  constructor(private readonly credentials: BearerCredentials) {}

  async verify(input: VerifyDto): Promise<VerificationDto> {
    const outcome = await this.credentials.run(
      describedRequest(input.token, normalizeIp(input.clientIp)),
    );
    if (outcome.kind === 'success') {
      const principal = outcome.principal;
      const missing = input.scopes?.some((scope) => !hasScope(principal, scope));
      return {
        valid: !missing,
        code: missing ? 'INSUFFICIENT_SCOPE' : 'VALID',
        ...identity(principal),
      };
    }
    if (outcome.kind === 'error') {
      // Anything but a refusal (the database is down, say) is not an answer about the token.
      if (!(outcome.error instanceof CredentialRefused)) throw outcome.error;
      const { reason, rateLimit } = outcome.error;
      return { valid: false, code: reason, ...(rateLimit ? { rateLimit: quota(rateLimit) } : {}) };
    }
    // Not readable as a bearer token at all (a space inside, say).
    return { valid: false, code: 'NOT_FOUND' };
  }
}

function hasScope(principal: AuthPrincipal, scope: string): boolean {
  return principal.scopes.includes(scope);
}

function identity(principal: AuthPrincipal): Omit<VerificationDto, 'valid' | 'code'> {
  return {
    credential: principal.tokenId ? 'api_token' : 'session',
    userId: principal.userId,
    role: principal.role,
    ...(principal.tokenId ? { tokenId: principal.tokenId } : {}),
    ...(principal.sessionId ? { sessionId: principal.sessionId } : {}),
    scopes: [...principal.scopes],
    ...(typeof principal.expiresAt === 'number'
      ? { expiresAt: new Date(principal.expiresAt).toISOString() }
      : {}),
    ...(principal.rateLimit ? { rateLimit: quota(principal.rateLimit) } : {}),
  };
}

function quota(result: RateLimitResult): RateLimitDto {
  return { limit: result.limit, remaining: result.remaining, reset: result.resetSeconds };
}
