import {
  HttpException,
  Inject,
  Injectable,
  SetMetadata,
  applyDecorators,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { TesseraClient } from './client.js';
import type { TesseraPrincipal } from './decision.js';
import { judge, type GuardOptions } from './guard.js';

/** The injection token under which the guard finds the application's TesseraClient. */
export const TESSERA_CLIENT = Symbol.for('@tessera/client:TesseraClient');
const SCOPES = 'tessera:scopes';
const ORG = 'tessera:org';
const PUBLIC = 'tessera:public';

/** The scopes a route (or every route of a controller) needs; they add up. */
export const RequireScopes = (...scopes: string[]) => SetMetadata(SCOPES, scopes);

/** An organization's route: the credential must belong to the org in path parameter `param`. */
export const RequireOrg = (param: string, role?: NonNullable<GuardOptions['org']>['role']) =>
  SetMetadata(ORG, { param, role });

/** A route the guard leaves alone (when it guards the whole app). */
export const TesseraPublic = () => applyDecorators(SetMetadata(PUBLIC, true));

/** The principal of the request, in a handler: `@Tessera() who: TesseraPrincipal`. */
export const Tessera = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<{ tessera?: TesseraPrincipal }>().tessera,
);

/** The provider of the client the guard uses: `providers: [tesseraClientProvider(client)]`. */
export function tesseraClientProvider(client: TesseraClient) {
  return { provide: TESSERA_CLIENT, useValue: client };
}

interface AnyRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  params?: Record<string, unknown>;
  tessera?: TesseraPrincipal;
}

/**
 * NestJS guard (Express or Fastify platform): asks Tessera about the request's credential with
 * the route's `@RequireScopes` and `@RequireOrg`, puts the principal on `request.tessera`, and
 * refuses with 401, 403, 429 (or 503) and Tessera's headers.
 */
@Injectable()
export class TesseraGuard implements CanActivate {
  constructor(
    @Inject(TESSERA_CLIENT) private readonly client: TesseraClient,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const scopes = [...new Set(this.reflector.getAllAndMerge<string[]>(SCOPES, targets))];
    const org = this.reflector.getAllAndOverride<GuardOptions['org']>(ORG, targets);
    const http = context.switchToHttp();
    const request = http.getRequest<AnyRequest>();
    const decision = await judge(
      { client: this.client, scopes, org },
      request.headers.authorization,
      request.ip,
      request.params,
    );
    setHeaders(http.getResponse(), decision.headers);
    if (!decision.allowed) throw new HttpException(decision.body, decision.status);
    request.tessera = decision.principal;
    return true;
  }
}

/** Express's `res.setHeader`, or Fastify's `reply.header`. */
function setHeaders(response: unknown, headers: Record<string, string>): void {
  const reply = response as {
    header?: (name: string, value: string) => unknown;
    setHeader?: (name: string, value: string) => unknown;
  };
  for (const [name, value] of Object.entries(headers)) {
    if (typeof reply.header === 'function') reply.header(name, value);
    else reply.setHeader?.(name, value);
  }
}

export type { TesseraPrincipal } from './decision.js';
