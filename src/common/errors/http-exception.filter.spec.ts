import { BadRequestException, NotFoundException } from '@nestjs/common';
import { Writable } from 'node:stream';
import { PinoNestLogger, createLogger } from '../http/logger.js';
import { DomainError, invalidToken, oauthError } from './domain-error.js';
import { describeError, toErrorResponse } from './http-exception.filter.js';

describe('toErrorResponse', () => {
  const logged: unknown[] = [];
  const logger = { error: (detail: unknown) => logged.push(detail) };
  beforeEach(() => (logged.length = 0));

  it('maps domain errors to their status, message and headers', () => {
    expect(toErrorResponse(invalidToken(), logger)).toEqual({
      body: { statusCode: 401, error: 'Unauthorized', message: expect.any(String) },
      headers: { 'WWW-Authenticate': 'Bearer realm="tessera", error="invalid_token"' },
    });
    expect(toErrorResponse(new DomainError('EmailTaken', 'taken'), logger).body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'taken',
    });
    expect(toErrorResponse(oauthError('invalid_grant', 'nope'), logger).body).toMatchObject({
      statusCode: 400,
      error: 'invalid_grant',
      error_description: 'nope',
    });
  });

  it('gives every 401 the bearer challenge', () => {
    const { headers } = toErrorResponse(new DomainError('InvalidCredentials', 'no'), logger);
    expect(headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="tessera"' });
  });

  it('keeps validation messages of HTTP exceptions', () => {
    const { body } = toErrorResponse(new BadRequestException(['email must be an email']), logger);
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['email must be an email'],
    });
    expect(toErrorResponse(new NotFoundException(), logger).body.statusCode).toBe(404);
  });

  it('maps errors of the HTTP layer by their status code', () => {
    const tooLarge = Object.assign(new Error('too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toErrorResponse(tooLarge, logger).body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is larger than 64 KiB',
    });
    expect(logged).toEqual([]);
  });

  it('turns anything else into a bare 500 and logs it, details included, only on the server', () => {
    const failure = new Error('connection to 10.0.0.5 refused, password=hunter2');
    const { body } = toErrorResponse(failure, logger);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(logged).toEqual([failure]);
  });
});

describe('describeError', () => {
  it('keeps what helps debugging and drops the rest, such as query parameters', () => {
    const failure = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      query: 'INSERT INTO users …',
      parameters: ['ada@example.test', '$argon2id$v=19$m=19456,t=2,p=1$secret'],
    });
    const described = describeError(failure);
    expect(described).toEqual({
      type: 'Error',
      message: 'duplicate key value violates unique constraint',
      code: '23505',
      stack: expect.any(String),
    });
    expect(JSON.stringify(described)).not.toContain('ada@example.test');
  });
});

describe('PinoNestLogger', () => {
  it("writes Nest's messages, objects and errors as JSON lines with their context", () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const logger = new PinoNestLogger(createLogger('info', sink));
    logger.log('started', 'NestApplication');
    logger.log('mapped a route', 'RouterExplorer');
    logger.error({ reqId: 'r-1', err: new Error('boom') }, 'Exceptions');
    logger.error('failed', 'stack trace here', 'Db');
    logger.warn({ sessionId: 's-1' }, 'Refresh token reuse', 'SessionsService');
    logger.error({ code: 'E1' }, 'Could not write', 'LastUsedTracker');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'started', context: 'NestApplication' }),
      expect.objectContaining({
        level: 'error',
        reqId: 'r-1',
        context: 'Exceptions',
        err: expect.objectContaining({ message: 'boom' }),
      }),
      expect.objectContaining({
        level: 'error',
        msg: 'failed',
        trace: 'stack trace here',
        context: 'Db',
      }),
      expect.objectContaining({
        level: 'warn',
        msg: 'Refresh token reuse',
        sessionId: 's-1',
        context: 'SessionsService',
      }),
      expect.objectContaining({
        level: 'error',
        msg: 'Could not write',
        code: 'E1',
        context: 'LastUsedTracker',
      }),
    ]);
  });
});
