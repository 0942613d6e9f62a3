import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

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

/**
 * JSON lines on stdout, or on `destination`; readable lines instead when stdout is a terminal
 * (a person is watching) outside production.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  destination ??=
    process.stdout.isTTY && process.env.NODE_ENV !== 'production'
      ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' })
      : undefined;
  return pino(
    {
      level,
      base: { service: 'tessera' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** Nest's own messages (start-up, route mapping, exceptions) in the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  private static readonly QUIET = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);

  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    const context = contextOf(params);
    this.write(context && PinoNestLogger.QUIET.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    // Nest passes (message, stack, context) or (message, context); ours also
    // ({ fields }, 'text', context), as pino takes it.
    if (isFields(message)) return this.write('error', message, params);
    const trace = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    this.write('error', message, params, trace ? { trace } : {});
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], extra: object = {}) {
    const fields = { context: contextOf(params), ...extra };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (isFields(message)) {
      // ({ fields }, 'text', context): the text is the message, as in pino.
      const text = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
      this.logger[level]({ ...fields, ...message }, text);
    } else this.logger[level](fields, String(message));
  }
}

type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace';

function isFields(message: unknown): message is object {
  return typeof message === 'object' && message !== null && !(message instanceof Error);
}

function contextOf(params: unknown[]): string | undefined {
  const last = params[params.length - 1];
  return typeof last === 'string' ? last : undefined;
}

const SECRET_QUERY = /([?&](?:access_token|refresh_token|token|password)=)[^&]*/gi;

/** The URL as it may be logged: secrets passed in a query string are replaced. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}
