import {
  SetMetadata,
  UseGuards,
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import { BearerAuthGuard, REQUIRED_SCOPES } from './bearer-auth.guard.js';
import type { AuthPrincipal } from './principal.js';
import type { CheckedScope } from './scopes.js';

/**
 * The one statement of what a route needs: a bearer credential (session access token or API
 * token) holding `scopes`. It also documents exactly that in OpenAPI. Scopes of the deployment's
 * own API (`projects:read`) must be declared in the policy file, or the service will not start.
 */
export function Authenticated<const S extends string = never>(
  options: { scopes?: CheckedScope<S>[] } = {},
) {
  const scopes: string[] = options.scopes ?? [];
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    UseGuards(BearerAuthGuard),
    ApiSecurity('bearer', scopes),
    ApiSecurity('oauth2', scopes),
    ApiUnauthorizedResponse({
      description: 'No credential, or one that is unknown, malformed, expired or revoked',
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
