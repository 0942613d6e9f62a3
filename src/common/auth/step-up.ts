import {
  Injectable,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config.js';
import { DomainError, REALM, missingToken } from '../errors/domain-error.js';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import type { AuthPrincipal } from './principal.js';
import { ADMIN_ONLY_SCOPES } from './scopes.js';

/**
 * RFC 9470 §3: the challenge of a request whose session proved its user too long ago. The
 * client asks for a fresh proof (`POST /auth/step-up`) and retries.
 */
export function insufficientUserAuthentication(maxAgeSeconds: number): DomainError {
  return new DomainError(
    'InsufficientUserAuthentication',
    `This action needs a proof of identity within the last ${maxAgeSeconds} seconds: step up (POST /api/v1/auth/step-up) and retry`,
    {
      'WWW-Authenticate': `Bearer realm="${REALM}", error="insufficient_user_authentication", error_description="A more recent authentication is required", max_age=${maxAgeSeconds}`,
    },
  );
}

/**
 * Refuses a session credential whose last proof of identity is older than `maxAgeSeconds`.
 * API tokens are judged by their scopes alone: they pass.
 */
export function assertRecentAuthentication(
  principal: AuthPrincipal,
  maxAgeSeconds: number,
  now = Date.now(),
): void {
  if (!principal.sessionId) return;
  if ((principal.authTime ?? 0) + maxAgeSeconds * 1000 < now) {
    throw insufficientUserAuthentication(maxAgeSeconds);
  }
}

/** Creating or rotating a credential holding any of these is a step-up action. */
export function assertRecentAuthenticationFor(
  principal: AuthPrincipal,
  scopes: readonly string[],
  maxAgeSeconds: number,
): void {
  if (scopes.some((scope) => (ADMIN_ONLY_SCOPES as readonly string[]).includes(scope))) {
    assertRecentAuthentication(principal, maxAgeSeconds);
  }
}

/** Runs after the bearer guard, on the principal it resolved. */
@Injectable()
export class StepUpGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ user?: AuthPrincipal }>().user;
    if (!principal) throw missingToken();
    assertRecentAuthentication(principal, this.config.stepUpSeconds);
    return true;
  }
}

export const STEP_UP_DESCRIPTION =
  'Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.';

/**
 * Declares a sensitive route: a session credential must have proved its user recently. Use it
 * below the controller's `@Authenticated` (class guards run first), or pass `stepUp: true` to
 * a method's own `@Authenticated`.
 */
export function StepUp() {
  return applyDecorators(
    UseGuards(StepUpGuard),
    ApiUnauthorizedResponse({
      description: `No credential, one that is unknown, malformed, expired or revoked, or (${STEP_UP_DESCRIPTION})`,
      type: ErrorResponseDto,
    }),
  );
}
