import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import type { ClientContext } from './client-context.js';
import { clientIp } from './client-ip.js';

const DEVICE_HEADER = /^[\x20-\x7e]{1,200}$/;

function deviceHeader(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !DEVICE_HEADER.test(value.trim())) {
    throw new DomainError('BadRequest', `${name} must be 1 to 200 printable ASCII characters`);
  }
  return value.trim();
}

/**
 * Where the request comes from: the client address (the socket's, or X-Forwarded-For's when
 * sent by a proxy named in TRUST_PROXY), user agent and optional device headers.
 */
export const Client = createParamDecorator(
  (_: unknown, context: ExecutionContext): ClientContext => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const userAgent = request.headers['user-agent'];
    return {
      ip: clientIp(request),
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
      deviceId: deviceHeader(request, 'x-device-id'),
      deviceName: deviceHeader(request, 'x-device-name'),
    };
  },
);
