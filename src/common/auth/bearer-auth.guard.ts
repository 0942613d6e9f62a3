import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { insufficientScope, invalidToken, missingToken } from '../errors/domain-error.js';
import type { AuthPrincipal } from './principal.js';
import type { Scope } from './scopes.js';

export const REQUIRED_SCOPES = 'tessera:required-scopes';

/** Runs the bearer strategy, then checks the scopes the route declared. */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const principal = context.switchToHttp().getRequest<{ user: AuthPrincipal }>().user;
    const required =
      this.reflector.get<Scope[] | undefined>(REQUIRED_SCOPES, context.getHandler()) ?? [];
    const missing = required.find((scope) => !principal.scopes.includes(scope));
    if (missing) throw insufficientScope(missing);
    return true;
  }

  /** `info` is passport-http-bearer's challenge when no token was sent, or 400 when malformed. */
  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the strategy raised
    if (error) throw error;
    if (!user)
      throw typeof info === 'string' && !info.includes('error=') ? missingToken() : invalidToken();
    return user;
  }
}
