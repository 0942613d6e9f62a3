import {
  SetMetadata,
  UseGuards,
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import {
  BearerAuthGuard,
  CHARGE_EXEMPT_SCOPES,
  DURING_ENROLLMENT,
  REQUIRED_SCOPES,
} from './bearer-auth.guard.js';
import type { AuthPrincipal } from './principal.js';
import type { CheckedScope, Scope } from './scopes.js';
import { STEP_UP_DESCRIPTION, StepUpGuard } from './step-up.js';

/**
 * The one statement of what a route needs: a bearer credential (session access token or API
 * token) holding `scopes`. It also documents exactly that in OpenAPI. Scopes of the deployment's
 * own API (`projects:read`) must be declared in the policy file, or the service will not start.
 *
 * `chargeExemptFor`: an API token holding one of these scopes is not charged its per-token
 * rate limits here (the services that call `/verify` and `/introspect` for every request
 * they receive). Anyone else is charged as usual.
 *
 * `stepUp`: a session credential must also have proved its user within STEP_UP_SECONDS
 * (RFC 9470); API tokens are judged by their scopes alone.
 *
 * `duringEnrollment`: open to an admin who must still enroll a second factor
 * (REQUIRE_MFA_FOR_ADMINS); every other route answers such a session 403.
 */
export function Authenticated<const S extends string = never>(
  options: {
    scopes?: CheckedScope<S>[];
    chargeExemptFor?: Scope[];
    stepUp?: boolean;
    duringEnrollment?: boolean;
  } = {},
) {
  const scopes: string[] = options.scopes ?? [];
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ...(options.duringEnrollment ? [SetMetadata(DURING_ENROLLMENT, true)] : []),
    ...(options.chargeExemptFor
      ? [SetMetadata(CHARGE_EXEMPT_SCOPES, options.chargeExemptFor)]
      : []),
    // In this order: the step-up check reads the principal the bearer guard resolved.
    options.stepUp ? UseGuards(BearerAuthGuard, StepUpGuard) : UseGuards(BearerAuthGuard),
    ApiSecurity('bearer', scopes),
    ApiSecurity('oauth2', scopes),
    ApiUnauthorizedResponse({
      description: options.stepUp
        ? `No credential, one that is unknown, malformed, expired or revoked, or (${STEP_UP_DESCRIPTION})`
        : 'No credential, or one that is unknown, malformed, expired or revoked',
      type: ErrorResponseDto,
    }),
    ...(scopes.length > 0
      ? [
          ApiForbiddenResponse({
            description: `Needs the scope ${scopes.join(', ')}`,
            type: ErrorResponseDto,
          }),
        ]
      : []),
  );
}

/** The caller, as resolved by the bearer strategy. */
export const Principal = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthPrincipal =>
    context.switchToHttp().getRequest<{ user: AuthPrincipal }>().user,
);
