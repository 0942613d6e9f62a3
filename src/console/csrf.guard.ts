import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../common/config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';

export const CSRF_HEADER = 'x-tessera-csrf';

/**
 * Browser-session routes act on a cookie the browser attaches by itself, so they must be sure
 * the request comes from a page of this origin:
 * - a custom header (`X-Tessera-CSRF: 1`): an HTML form cannot send one, and a cross-origin
 *   `fetch` with it needs a CORS preflight that does not allow it;
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`;
 * - `Origin`, when sent, must be this service's own origin (or PUBLIC_URL's).
 * The `SameSite=Strict` cookie is a third, independent layer.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const refuse = (why: string) =>
      new DomainError('Forbidden', `Cross-site request refused: ${why}`);
    if (request.headers[CSRF_HEADER] !== '1') throw refuse(`the ${CSRF_HEADER} header is missing`);
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin')
      throw refuse('not sent by a page of this origin');
    const origin = request.headers.origin;
    if (origin !== undefined && !this.isOwnOrigin(origin, request)) {
      throw refuse('not sent by a page of this origin');
    }
    return true;
  }

  private isOwnOrigin(origin: string, request: FastifyRequest): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.host === request.host) return true;
    return url.origin === new URL(this.config.publicUrl).origin;
  }
}
