import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/common/http/logger.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

export function testConfig(env: Record<string, string> = {}): Config {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is set by the global setup');
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    APP_SECRET: TEST_SECRET,
    AUTH_RATE_PER_MINUTE: '1000000',
    // No cron firing in the middle of a test; the scheduler's own tests switch it on.
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
}

export interface TestApp {
  app: NestFastifyApplication;
  api: Api;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real application on a real socket on loopback. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const config = testConfig(env);
  const app = await createApp(config, createLogger(config.logLevel), options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, baseUrl, api: new Api(baseUrl), close: () => app.close() };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as it is (for malformed bodies). */
  raw?: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A consumer's view of the API: real HTTP requests. */
export class Api {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.raw !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = options.raw;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('POST', path, options);
  }
  delete<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }
  patch<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('PATCH', path, options);
  }
}

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID()}@example.test`;
}

export interface LoggedInUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

/** Registers a new user and logs them in. */
export async function newUser(
  api: Api,
  headers: Record<string, string> = {},
): Promise<LoggedInUser> {
  const email = uniqueEmail();
  const registered = await api.post('/api/v1/auth/register', {
    body: { email, password: PASSWORD },
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
  const login = await api.post('/api/v1/auth/login', {
    body: { email, password: PASSWORD },
    headers,
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return { id: registered.body.id, email, password: PASSWORD, ...login.body };
}

export async function login(
  api: Api,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  return api.post('/api/v1/auth/login', { body: { email, password }, headers });
}

/** Both tokens of a session are refused, as a consumer would see it. */
export async function expectSessionRevoked(
  api: Api,
  pair: { accessToken: string; refreshToken: string },
): Promise<void> {
  const me = await api.get('/api/v1/auth/me', { token: pair.accessToken });
  expect(me.status).toBe(401);
  expect(me.headers.get('www-authenticate')).toBe('Bearer realm="tessera", error="invalid_token"');
  const refresh = await api.post('/api/v1/auth/refresh', {
    body: { refreshToken: pair.refreshToken },
  });
  expect(refresh.status).toBe(401);
}

export interface CreatedToken {
  id: string;
  token: string;
  scopes: string[];
  [field: string]: unknown;
}

let tokenNames = 0;

/**
 * Creates an API token with the given credential; fails the test if that does not work. Each
 * gets a name of its own unless the body names it (an active token's name is unique per user).
 */
export async function createToken(
  api: Api,
  credential: string,
  body: Record<string, unknown> = {},
): Promise<CreatedToken> {
  const created = await api.post('/api/v1/tokens', {
    token: credential,
    body: { name: `test token ${++tokenNames}`, scopes: ['tokens:read'], ...body },
  });
  if (created.status !== 201) throw new Error(`token create failed: ${created.text}`);
  return created.body as CreatedToken;
}

export interface AdminApp extends TestApp {
  /** A session access token of the app's bootstrap admin. */
  adminToken: string;
  adminId: string;
}

/** The application with a bootstrap admin (ADMIN_EMAIL / ADMIN_PASSWORD), logged in. */
export async function startAdminApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<AdminApp> {
  const email = uniqueEmail('admin');
  const started = await startTestApp(
    { ADMIN_EMAIL: email, ADMIN_PASSWORD: PASSWORD, ...env },
    options,
  );
  const session = await login(started.api, email);
  if (session.status !== 200) throw new Error(`admin login failed: ${session.text}`);
  const me = await started.api.get('/api/v1/auth/me', { token: session.body.accessToken });
  return { ...started, adminToken: session.body.accessToken, adminId: me.body.id };
}
