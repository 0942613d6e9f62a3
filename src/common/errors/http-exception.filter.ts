import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from './database-errors.js';
import { DomainError, bearerChallenge } from './domain-error.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [extra: string]: unknown;
}

/**
 * Turns anything thrown into the contract's error shape. Unknown errors become a bare 500:
 * their details go to the log, never to the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const reqId = http.getRequest<FastifyRequest>().id;
    const { body, headers } = toErrorResponse(exception, {
      error: (detail: unknown) => this.logger.error({ reqId, err: describeError(detail) }),
    });
    void reply.status(body.statusCode).headers(headers).send(body);
  }
}

export function toErrorResponse(
  exception: unknown,
  logger: { error(detail: unknown): void },
): { body: ErrorBody; headers: Record<string, string> } {
  if (exception instanceof DomainError) {
    const headers =
      exception.status === 401
        ? { 'WWW-Authenticate': bearerChallenge(), ...exception.headers }
        : exception.headers;
    return {
      body: { ...errorBody(exception.status, exception.message), ...exception.extra },
      headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: string | string[] }).message
        : exception.message;
    const extra = typeof response === 'object' && response !== null ? response : {};
    const headers: Record<string, string> =
      status === 401 ? { 'WWW-Authenticate': bearerChallenge() } : {};
    return { body: { ...extra, ...errorBody(status, message) }, headers };
  }
  const status = clientErrorStatus(exception);
  if (status) {
    return { body: errorBody(status, publicMessage(status, exception)), headers: {} };
  }
  if (isDatabaseUnavailable(exception)) {
    // Fails closed, and says so: nothing is decided without the database.
    logDatabaseDown(logger, exception);
    return {
      body: errorBody(503, 'Service temporarily unavailable; try again shortly'),
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  }
  logger.error(exception);
  return { body: errorBody(500, 'Internal server error'), headers: {} };
}

const DATABASE_RETRY_AFTER_SECONDS = 5;
let databaseDownLoggedAt = 0;

/** Once per 10 s at most: an outage fails every request, the log need not say it each time. */
function logDatabaseDown(logger: { error(detail: unknown): void }, exception: unknown) {
  const now = Date.now();
  if (now - databaseDownLoggedAt < 10_000) return;
  databaseDownLoggedAt = now;
  logger.error(exception);
}

/**
 * What of an unexpected error may be logged: its kind, message, code and stack. Not its other
 * properties: a database error carries the query's parameters (emails, hashes).
 */
export function describeError(error: unknown): Record<string, unknown> {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` fails.
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return { type: typeof error };
  }
  const { name, message, code, stack } = error as Partial<Error> & { code?: unknown };
  return { type: name, message, code, stack };
}

export function errorBody(statusCode: number, message: string | string[]): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Errors raised by the HTTP layer itself (bad JSON, body too large, wrong media type). */
function clientErrorStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function publicMessage(status: number, exception: unknown): string {
  const code = (exception as { code?: string }).code;
  if (status === 413) return 'Request body is larger than 64 KiB';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Unsupported content type';
  if (code?.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError) {
    return 'Malformed request body';
  }
  return STATUS_CODES[status] ?? 'Bad request';
}
