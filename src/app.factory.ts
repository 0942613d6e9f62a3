import {
  RequestMethod,
  ValidationPipe,
  type DynamicModule,
  type INestApplication,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './common/config/app-config.js';
import { FORWARD_AUTH_ROUTE } from './forward-auth/forward-auth.controller.js';
import { ignoreBodiesOn } from './forward-auth/ignore-bodies.js';
import { AllExceptionsFilter } from './common/errors/http-exception.filter.js';
import { PinoNestLogger, createLogger, loggableUrl } from './common/http/logger.js';
import { API_PREFIX, setupOpenApi } from './common/http/openapi.js';
import { useStrictBodyParsers } from './common/http/body-parsers.js';
import { rejectMalformedUrl } from './common/http/malformed-url.js';
import { answerUnknownMethodsWith405 } from './common/http/method-not-allowed.js';
import { WellFormedTextPipe } from './common/http/text-input.pipe.js';
import { securityHeaders } from './common/http/security-headers.js';
import { loadPolicy, type LoadedPolicy } from './policy/policy-loader.js';
import { RouteScopeCheck } from './policy/route-scope-check.js';

export interface AppOptions {
  /** The policy file, loaded; default: loaded here from `config.policyFile`. */
  policy?: LoadedPolicy;
  /** The deployment's own modules, served beside Tessera's under /api/v1. */
  modules?: readonly (Type | DynamicModule)[];
}

/** Every route under /api/v1 but the probes and the metrics. */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/** The contract's body limit: larger bodies get 413. */
export const BODY_LIMIT_BYTES = 64 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Builds the HTTP application: the same for `npm start`, the tests and the benchmark.
 * `config.databaseUrl` must be resolved (an embedded server started) before this is called.
 * @throws PolicyFileError when the policy file is bad, or a route requires a scope it lacks
 */
export async function createApp(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const policy = options.policy ?? loadPolicy(config.policyFile);
  const requestTimeoutMs = config.requestTimeoutSeconds * 1000;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // A body trickled a byte at a time keeps the socket busy, so only a deadline on the whole
    // request ends it (408). Node checks deadlines every connectionsCheckingInterval.
    serverFactory: (handler: RequestListener) =>
      createServer(
        {
          requestTimeout: requestTimeoutMs,
          headersTimeout: Math.min(requestTimeoutMs, 60_000),
          connectionsCheckingInterval: Math.min(requestTimeoutMs, 1_000),
        },
        handler,
      ),
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const sent = request.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, policy, options.modules),
    adapter,
    { logger: new PinoNestLogger(logger) },
  );
  try {
    app.get(RouteScopeCheck).assertDeclared();
  } catch (error) {
    await app.close();
    throw error;
  }

  const fastify = app.getHttpAdapter().getInstance();
  // A route may take larger bodies by declaring it: @RouteConfig({ bodyLimit }).
  fastify.addHook('onRoute', (route) => {
    const config: { bodyLimit?: unknown } | undefined = route.config;
    const bodyLimit = config?.bodyLimit;
    if (typeof bodyLimit === 'number') route.bodyLimit = bodyLimit;
  });
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    // Tokens and personal data: nothing the API answers may be cached (RFC 6749 §5.1).
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done();
  });
  fastify.addHook('onRequest', rejectMalformedUrl);
  answerUnknownMethodsWith405(fastify);
  fastify.addHook('onRequest', ignoreBodiesOn(`/${API_PREFIX}/${FORWARD_AUTH_ROUTE}`));
  useStrictBodyParsers(app, BODY_LIMIT_BYTES);
  // One line per request, with no header or body: nothing secret can end up in the log.
  const logRequests = logger.isLevelEnabled('info');
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!logRequests) return done();
    logger.info(
      {
        reqId: request.id,
        method: request.method,
        url: loggableUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ip: request.ip,
      },
      'request',
    );
    done();
  });
  app.enableCors({
    origin: config.corsOrigins,
    // Every method and request header the API takes. Not X-Tessera-CSRF: the browser-session
    // routes rely on a cross-origin preflight for it failing.
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'X-Device-Id',
      'X-Device-Name',
      'X-Request-Id',
      'Idempotency-Key',
    ],
    exposedHeaders: [
      'X-Request-Id',
      'WWW-Authenticate',
      'Retry-After',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Idempotent-Replayed',
    ],
    maxAge: 600,
  });

  applyGlobalPrefix(app);
  app.useGlobalPipes(
    new WellFormedTextPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  setupOpenApi(app, policy.scopes.all());
  return app;
}
