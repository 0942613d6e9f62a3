import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * Paths scrubbed from every log line, wherever a careless call might put them. Request logs
 * carry only method, path and status (see `request-logging.ts`), so headers and bodies are not
 * logged in the first place; this is the second line of defence.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.refresh_token',
  '*.accessToken',
  '*.access_token',
  '*.token',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tessera' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Nest's own messages (start-up, route mapping, exceptions) in the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  private static readonly QUIET = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);

  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    const level = context && PinoNestLogger.QUIET.has(context) ? 'debug' : 'info';
    this.logger[level]({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

const SECRET_QUERY = /([?&](?:access_token|refresh_token|token|password)=)[^&]*/gi;

/** The URL as it may be logged: secrets passed in a query string are replaced. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}
