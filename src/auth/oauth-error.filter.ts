import {
  BadRequestException,
  Catch,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, oauthError } from '../common/errors/domain-error.js';
import { errorBody, toErrorResponse } from '../common/errors/http-exception.filter.js';

/**
 * The token endpoint answers the RFC 6749 §5.2 way (`error` and `error_description`), inside
 * the usual error shape: invalid input is `invalid_request` (or `unsupported_grant_type`), and
 * a credential refused (401 elsewhere) is `invalid_grant`. This is the one place that maps them.
 */
@Catch(BadRequestException, DomainError)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(exception: BadRequestException | DomainError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof DomainError && exception.status === 401) {
      exception = oauthError('invalid_grant', exception.message);
    }
    if (exception instanceof DomainError && (exception.status !== 400 || exception.extra.error)) {
      // Already an OAuth error, or not about the request's shape (429, say).
      const { body, headers } = toErrorResponse(exception, { error: () => undefined });
      void reply.status(body.statusCode).headers(headers).send(body);
      return;
    }
    const messages = messagesOf(exception);
    const error = messages.some((text) => text.startsWith('grant_type'))
      ? 'unsupported_grant_type'
      : 'invalid_request';
    void reply.status(400).send({
      ...errorBody(400, messages.length === 1 ? messages[0] : messages),
      error,
      error_description: messages.join('; '),
    });
  }
}

function messagesOf(exception: BadRequestException | DomainError): string[] {
  if (exception instanceof DomainError) return [exception.message];
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? (response as { message: string | string[] }).message
      : exception.message;
  return Array.isArray(message) ? message : [message];
}
