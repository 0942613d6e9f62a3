import http from 'node:http';
import https from 'node:https';
import { ExactCache } from './cache.js';
import {
  TesseraAuthError,
  TesseraError,
  TesseraNetworkError,
  TesseraRateLimitError,
  TesseraServerError,
} from './errors.js';
import type { Verification, VerifyBody } from './types.js';

export interface TesseraClientOptions {
  /** Where Tessera is, e.g. `https://auth.example.com` (without `/api/v1`). */
  baseUrl: string;
  /** The service's own credential: an API token holding `tokens:verify`. */
  token: string;
  /** How long one call may take before it fails with TesseraNetworkError (default 5000). */
  timeoutMs?: number;
  /**
   * Keep positive answers of credentials without limits for at most this many seconds, and
   * drop them as soon as Tessera reports a change (`GET /api/v1/verify/events`). Off (0) by
   * default.
   */
  cacheSeconds?: number;
  /** Most answers the cache holds (default 10000). */
  cacheEntries?: number;
}

export interface VerifyOptions {
  /** Scopes the credential must all hold; a missing one answers INSUFFICIENT_SCOPE. */
  scopes?: string[];
  /** The address of the client that presented the credential (allowlists, last use). */
  clientIp?: string;
}

/** Connection failures that prove the request never reached Tessera: safe to send again. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** Sends after the first one, for a request that certainly did not arrive. */
const RETRIES = 2;
const RETRY_DELAY_MS = 50;
/**
 * An idle kept-alive connection is closed after this long: before a server's usual 5 s, so a
 * request is not written into a connection the server is closing at that moment.
 */
const IDLE_MS = 4_000;

/** What one call to Tessera got back. */
interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

/**
 * Asks Tessera whether a credential may be used now: `POST /api/v1/verify`. Each call is a use
 * of an API token (rate limits, quota, last use), so a call is sent again only when the
 * connection was refused before anything was written; never after a timeout or a 5xx.
 */
export class TesseraClient {
  readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly cache: ExactCache | null;
  private readonly verifyUrl: URL;
  /**
   * Node's own HTTP client with a pool of kept-alive connections: for a call made on every
   * request of the service, it costs a fraction of the CPU of `fetch`.
   */
  private readonly agent: http.Agent;

  constructor(options: TesseraClientOptions) {
    if (!options.baseUrl) throw new TypeError('TesseraClient needs a baseUrl');
    if (!options.token) throw new TypeError('TesseraClient needs the service token');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Bearer ${options.token}`;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.verifyUrl = new URL(`${this.baseUrl}/api/v1/verify`);
    const Agent = this.verifyUrl.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' });
    const seconds = options.cacheSeconds ?? 0;
    this.cache =
      seconds > 0
        ? new ExactCache({
            url: `${this.baseUrl}/api/v1/verify/events`,
            authorization: this.authorization,
            ttlMs: seconds * 1000,
            maxEntries: options.cacheEntries ?? 10_000,
          })
        : null;
  }

  /** The verification of `credential`; a refused credential is an answer, not an error. */
  async verify(credential: string, options: VerifyOptions = {}): Promise<Verification> {
    const body: VerifyBody = { token: credential };
    if (options.scopes && options.scopes.length > 0) body.scopes = options.scopes;
    if (options.clientIp) body.clientIp = options.clientIp;
    if (!this.cache) return this.ask(body);
    // Taken before asking: an event arriving meanwhile makes the answer too old to keep.
    const slot = this.cache.slot(credential, body.scopes, body.clientIp);
    const cached = this.cache.get(slot.key);
    if (cached) return cached;
    const answer = await this.ask(body);
    this.cache.offer(slot, answer);
    return answer;
  }

  /**
   * Resolves once the cache serves answers (its event stream is connected and exact); at once
   * when the cache is off. For tests and warm-ups: verify works before it, uncached.
   */
  cacheReady(): Promise<void> {
    return this.cache ? this.cache.ready() : Promise.resolve();
  }

  /**
   * What the cache did so far: answers kept now, answers served from it, and verifications
   * asked of Tessera while it was on. All zero when the cache is off.
   */
  cacheStats(): { entries: number; hits: number; misses: number } {
    const cache = this.cache;
    return cache
      ? { entries: cache.size, hits: cache.hits, misses: cache.misses }
      : { entries: 0, hits: 0, misses: 0 };
  }

  /** Stops the cache's event stream. The client still verifies, uncached, after it. */
  close(): void {
    this.cache?.close();
  }

  /** Nest calls this on a provider's value when the application closes: the stream ends then. */
  onApplicationShutdown(): void {
    this.close();
  }

  private async ask(body: VerifyBody): Promise<Verification> {
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let answer: Answer;
      try {
        answer = await this.post(payload);
      } catch (error) {
        if (attempt < RETRIES && neverSent(error)) {
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * (attempt + 1)));
          continue;
        }
        throw networkError(error, this.timeoutMs);
      }
      if (answer.status !== 200) throw errorOf(answer);
      try {
        return JSON.parse(answer.text) as Verification;
      } catch (error) {
        throw networkError(error, this.timeoutMs);
      }
    }
  }

  private post(payload: string): Promise<Answer> {
    const transport = this.verifyUrl.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        this.verifyUrl,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            authorization: this.authorization,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              retryAfter: response.headers['retry-after'],
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }
}

function neverSent(error: unknown): boolean {
  const failure = error as { code?: string; errors?: { code?: string }[] };
  if (failure.code && NOT_SENT.has(failure.code)) return true;
  // Several addresses tried (happy eyeballs): each refused.
  return (
    Array.isArray(failure.errors) &&
    failure.errors.length > 0 &&
    failure.errors.every((each) => each.code !== undefined && NOT_SENT.has(each.code))
  );
}

function networkError(error: unknown, timeoutMs: number): TesseraNetworkError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TesseraNetworkError(`Tessera did not answer within ${timeoutMs} ms`, true, {
      cause: error,
    });
  }
  const detail = (error as { code?: string }).code ?? (error as Error).message;
  return new TesseraNetworkError(`Tessera could not be reached (${detail})`, false, {
    cause: error,
  });
}

function errorOf(answer: Answer): TesseraError {
  let message = answer.text.slice(0, 200);
  try {
    const parsed = JSON.parse(answer.text) as { message?: string | string[] };
    if (parsed.message !== undefined) message = [parsed.message].flat().join('; ');
  } catch {
    // not JSON: the text itself
  }
  const status = answer.status;
  const said = `Tessera answered ${status}: ${message}`;
  const retryAfter = secondsOf(answer.retryAfter ?? null);
  if (status === 401 || status === 403) return new TesseraAuthError(said, status);
  if (status === 429) return new TesseraRateLimitError(said, retryAfter);
  if (status >= 500) return new TesseraServerError(said, status, retryAfter);
  return new TesseraError(said, status);
}

function secondsOf(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
