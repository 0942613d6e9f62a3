import { Injectable } from '@nestjs/common';
import { BearerCredentials, describedRequest } from '../common/auth/bearer-credentials.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { normalizeIp } from '../common/http/client-ip.js';
import type { RateLimitResult } from '../common/rate-limit/rate-limiter.js';
import type { Membership } from '../orgs/membership-cache.js';
import { OrgMembershipsService } from '../orgs/org-memberships.service.js';
import type { VerifyInput } from './verify-body.pipe.js';
import type { QuotaDto, RateLimitDto, VerificationDto } from './verify.dto.js';

/**
 * Verification on behalf of another service: the token goes through the bearer strategy as
 * if the client had sent it to Tessera from `clientIp`, so it is checked, charged and recorded
 * exactly as on any guarded route; only the answer differs (a reason instead of a 401).
 */
@Injectable()
export class VerifyService {
  constructor(
    private readonly credentials: BearerCredentials,
    private readonly memberships: OrgMembershipsService,
  ) {}

  async verify(input: VerifyInput): Promise<VerificationDto> {
    const outcome = await this.credentials.run(
      describedRequest(input.token, normalizeIp(input.clientIp)),
    );
    if (outcome.kind === 'success') {
      const principal = outcome.principal;
      // Valid, but held to enrolling a second factor: good for nothing else, here as anywhere.
      if (principal.mfaEnrollmentRequired) return { valid: false, code: 'MFA_ENROLLMENT_REQUIRED' };
      const missing = input.scopes?.some((scope) => !hasScope(principal, scope));
      // A user's organizations come from the membership cache: no query per verification; an
      // org token's slug from memory after its first use, so a route naming it by slug matches.
      if (principal.orgId !== undefined) {
        const slug = await this.memberships.slugOf(principal.orgId);
        return answer(principal, !missing, undefined, slug ?? undefined);
      }
      const orgs = this.memberships.cached(principal) ?? (await this.memberships.of(principal));
      return answer(principal, !missing, orgs);
    }
    if (outcome.kind === 'error') {
      // Anything but a refusal (the database is down, say) is not an answer about the token.
      if (!(outcome.error instanceof CredentialRefused)) throw outcome.error;
      const { reason, rateLimit, quota } = outcome.error;
      return {
        valid: false,
        code: reason,
        ...(rateLimit ? { rateLimit: window(rateLimit) } : {}),
        ...(quota ? { quota: quotaOf(quota) } : {}),
      };
    }
    // Not readable as a bearer token at all (a space inside, say).
    return { valid: false, code: 'NOT_FOUND' };
  }
}

function hasScope(principal: AuthPrincipal, scope: string): boolean {
  return principal.scopes.includes(scope);
}

/**
 * One object of a fixed shape: the compiled serializer leaves out the properties left
 * undefined here, as JSON.stringify would, and the answer is serialized at once (no copy of
 * the scopes needed).
 */
function answer(
  principal: AuthPrincipal,
  valid: boolean,
  orgs: readonly Membership[] | undefined,
  orgSlug?: string,
): VerificationDto {
  const { tokenId, expiresAt, rateLimit, quota } = principal;
  return {
    valid,
    code: valid ? 'VALID' : 'INSUFFICIENT_SCOPE',
    credential: tokenId ? 'api_token' : 'session',
    userId: principal.userId,
    orgId: principal.orgId,
    orgSlug,
    // Every user credential says where its user belongs, [] for nowhere; an org token says orgId.
    orgs: orgs as Membership[] | undefined,
    role: principal.role,
    tokenId: tokenId || undefined,
    sessionId: principal.sessionId || undefined,
    scopes: principal.scopes as string[],
    expiresAt: typeof expiresAt === 'number' ? new Date(expiresAt).toISOString() : undefined,
    rateLimit: rateLimit ? window(rateLimit) : undefined,
    quota: quota ? quotaOf(quota) : undefined,
  };
}

function window(result: RateLimitResult): RateLimitDto {
  return { limit: result.limit, remaining: result.remaining, reset: result.resetSeconds };
}

function quotaOf(quota: NonNullable<AuthPrincipal['quota']>): QuotaDto {
  return {
    limit: quota.limit,
    remaining: quota.remaining,
    reset: quota.reset === null ? null : new Date(quota.reset).toISOString(),
  };
}
