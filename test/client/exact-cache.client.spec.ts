import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TesseraClient, type Verification } from '@tessera/client';
import { ExactCache } from '../../packages/client/src/cache.js';
import { sleep, waitFor } from '../support/time.js';

/**
 * A stand-in for Tessera's two verification routes, driven by the test: `POST /verify` answers
 * from a table (and can be held), `GET /verify/events` streams what the test sends.
 */
class StandIn {
  server: Server;
  baseUrl = '';
  verifications = 0;
  answers = new Map<string, Verification>();
  /** While set, /verify answers wait for it. */
  hold: Promise<void> | null = null;
  streams: ServerResponse[] = [];
  /** The Last-Event-ID of each connection to the events, in order. */
  resumedFrom: (string | undefined)[] = [];
  /** What a new connection hears first (undefined: nothing yet). */
  greeting: { resumed: boolean; exact: boolean } | undefined = { resumed: false, exact: true };
  private ids = 0;

  constructor() {
    this.server = createServer((req, res) => {
      if (req.url === '/api/v1/verify' && req.method === 'POST') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          this.verifications++;
          const { token } = JSON.parse(body) as { token: string };
          const answer = this.answers.get(token) ?? { valid: false, code: 'NOT_FOUND' };
          void (this.hold ?? Promise.resolve()).then(() => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(answer));
          });
        });
        return;
      }
      if (req.url === '/api/v1/verify/events' && req.headers.authorization === 'Bearer svc') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        this.resumedFrom.push(req.headers['last-event-id'] as string | undefined);
        this.streams.push(res);
        res.on('close', () => (this.streams = this.streams.filter((each) => each !== res)));
        if (this.greeting) this.send('ready', this.greeting);
        return;
      }
      res.writeHead(404).end();
    });
  }

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await new Promise((resolve) => this.server.once('listening', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** One event to every connected client; returns its id. */
  send(event: string, data: unknown): string {
    const id = `e${++this.ids}`;
    // Split over writes as a server may: the client must put the lines back together.
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\nid: ${id}\n\n`;
    for (const stream of this.streams) {
      stream.write(text.slice(0, 7));
      stream.write(text.slice(7));
    }
    return id;
  }

  /** Cuts every event stream (as a restart or a network fault would). */
  cut(): void {
    for (const stream of this.streams) stream.destroy();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const answer = (extra: Partial<Verification> = {}): Verification => ({
  valid: true,
  code: 'VALID',
  credential: 'session',
  userId: 'user-1',
  sessionId: 'session-1',
  role: 'user',
  scopes: ['projects:read'],
  ...extra,
});
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/** The exact cache of `TesseraClient`: what it keeps, and when it forgets. */
describe("TesseraClient's exact cache", () => {
  let tessera: StandIn;
  let client: TesseraClient;

  beforeEach(async () => {
    tessera = new StandIn();
    await tessera.start();
    tessera.answers.set('session-a', answer());
    tessera.answers.set('session-b', answer({ userId: 'user-2', sessionId: 'session-2' }));
    tessera.answers.set(
      'tsr_unlimited',
      answer({ credential: 'api_token', tokenId: 't1', sessionId: undefined }),
    );
    tessera.answers.set(
      'tsr_limited',
      answer({
        credential: 'api_token',
        tokenId: 't2',
        sessionId: undefined,
        rateLimit: { limit: 600, remaining: 599, reset: 60 },
      }),
    );
    tessera.answers.set(
      'tsr_quota',
      answer({
        credential: 'api_token',
        tokenId: 't3',
        sessionId: undefined,
        quota: { limit: 10, remaining: 9, reset: null },
      }),
    );
    client = new TesseraClient({ baseUrl: tessera.baseUrl, token: 'svc', cacheSeconds: 30 });
  });
  afterEach(async () => {
    client.close();
    await tessera.close();
  });

  /** How many of `n` verifications of `credential` reached the stand-in. */
  const asked = async (credential: string, n = 2, options = {}) => {
    const before = tessera.verifications;
    for (let i = 0; i < n; i++) await client.verify(credential, options);
    return tessera.verifications - before;
  };

  it('is off by default: every verification is asked, and no stream is opened', async () => {
    client.close();
    await waitFor(() => tessera.streams.length === 0);
    tessera.resumedFrom = [];
    client = new TesseraClient({ baseUrl: tessera.baseUrl, token: 'svc' });
    expect(await asked('session-a', 2)).toBe(2);
    await sleep(100);
    expect(tessera.resumedFrom).toEqual([]);
  });

  it('keeps valid answers without rateLimit or quota, per credential, scopes and address', async () => {
    await client.cacheReady();
    expect(await asked('session-a', 3)).toBe(1);
    expect(await client.verify('session-a')).toEqual(answer());
    expect(await asked('tsr_unlimited')).toBe(1);
    expect(await asked('session-a', 2, { scopes: ['projects:write'] })).toBe(1);
    expect(await asked('session-a', 2, { clientIp: '198.51.100.1' })).toBe(1);
    // Answers Tessera charges, and refusals, are asked every time.
    expect(await asked('tsr_limited')).toBe(2);
    expect(await asked('tsr_quota')).toBe(2);
    expect(await asked('tsr_unknown')).toBe(2);
    expect(client.cacheStats()).toMatchObject({ entries: 4, hits: 6 });
  });

  it('drops what an invalidate event names: token hash, session or user', async () => {
    await client.cacheReady();
    for (const credential of ['session-a', 'session-b', 'tsr_unlimited']) {
      await client.verify(credential);
    }
    const cachedNow = async () => {
      const before = tessera.verifications;
      for (const credential of ['session-a', 'session-b', 'tsr_unlimited']) {
        await client.verify(credential);
      }
      return tessera.verifications - before;
    };
    expect(await cachedNow()).toBe(0);

    tessera.send('invalidate', { tokens: [sha256('tsr_unlimited')] });
    await waitFor(async () => (await asked('tsr_unlimited', 1)) === 1);
    expect(await asked('session-a', 1)).toBe(0);

    tessera.send('invalidate', { sessions: ['session-1'] });
    await waitFor(async () => (await asked('session-a', 1)) === 1);
    expect(await asked('session-b', 1)).toBe(0);

    tessera.send('invalidate', { users: ['user-2'] });
    await waitFor(async () => (await asked('session-b', 1)) === 1);
  });

  it('empties on a lost stream, serves nothing until ready again, and resumes with Last-Event-ID', async () => {
    await client.cacheReady();
    await client.verify('session-a');
    tessera.send('invalidate', { users: ['someone-else'] });
    const last = tessera.send('invalidate', { users: ['someone-else'] });
    await sleep(50);
    expect(await asked('session-a', 1)).toBe(0);

    tessera.greeting = undefined;
    tessera.cut();
    await waitFor(() => tessera.resumedFrom.length === 2);
    expect(tessera.resumedFrom).toEqual([undefined, last]);
    // Connected again, but not ready: nothing served, nothing kept.
    expect(await asked('session-a', 2)).toBe(2);

    tessera.send('ready', { resumed: true, exact: true });
    await client.cacheReady();
    expect(await asked('session-a', 2)).toBe(1);
  });

  it('does not keep, for a while, an answer about a credential an event just named', async () => {
    await client.cacheReady();
    expect(await asked('tsr_unlimited', 1)).toBe(1);
    // Another instance behind the balancer may not have heard of the change yet, and still
    // answer valid: that answer must not be kept for cacheSeconds with no event to come.
    tessera.send('invalidate', { tokens: [sha256('tsr_unlimited')] });
    tessera.send('invalidate', { users: ['user-2'] });
    await waitFor(async () => (await asked('tsr_unlimited', 1)) === 1);
    expect(await asked('tsr_unlimited', 3)).toBe(3);
    expect(await asked('session-b', 3)).toBe(3);
    // What no event named is kept as before.
    expect(await asked('session-a', 3)).toBe(1);
  });

  it('caches only while the server is exact', async () => {
    await client.cacheReady();
    await client.verify('session-a');
    tessera.send('state', { exact: false });
    await waitFor(async () => (await asked('session-a', 1)) === 1);
    expect(await asked('session-a', 2)).toBe(2);
    tessera.send('state', { exact: true });
    await client.cacheReady();
    expect(await asked('session-a', 2)).toBe(1);
  });

  it('does not cache when the stream starts inexact', async () => {
    tessera.greeting = { resumed: false, exact: false };
    await waitFor(() => tessera.streams.length === 1);
    expect(await asked('session-a', 2)).toBe(2);
  });

  it('does not keep an answer asked for before an event arrived', async () => {
    await client.cacheReady();
    let release!: () => void;
    tessera.hold = new Promise((resolve) => (release = resolve));
    const inFlight = client.verify('session-a');
    await waitFor(() => tessera.verifications === 1);
    // Any change may concern it (a user's, a token's): the answer on its way predates it.
    tessera.send('invalidate', { sessions: ['another-session'] });
    await sleep(50);
    release();
    tessera.hold = null;
    expect((await inFlight).valid).toBe(true);
    expect(await asked('session-a', 2)).toBe(1);
  });

  it('keeps an answer no longer than cacheSeconds, nor past the credential expiry', async () => {
    client.close();
    client = new TesseraClient({ baseUrl: tessera.baseUrl, token: 'svc', cacheSeconds: 1 });
    await client.cacheReady();
    expect(await asked('session-a', 2)).toBe(1);
    await sleep(1_100);
    expect(await asked('session-a', 2)).toBe(1);
    tessera.answers.set(
      'session-c',
      answer({ expiresAt: new Date(Date.now() + 300).toISOString() }),
    );
    expect(await asked('session-c', 2)).toBe(1);
    await sleep(400);
    expect(await asked('session-c', 1)).toBe(1);
  });

  it('counts a silent stream as lost: empties, and reconnects with Last-Event-ID', async () => {
    client.close();
    await waitFor(() => tessera.streams.length === 0);
    tessera.resumedFrom = [];
    const cache = new ExactCache({
      url: `${tessera.baseUrl}/api/v1/verify/events`,
      authorization: 'Bearer svc',
      ttlMs: 30_000,
      maxEntries: 10,
      silenceMs: 300,
    });
    try {
      await cache.ready();
      const last = tessera.send('invalidate', { users: ['someone-else'] });
      const slot = cache.slot('session-a', undefined, undefined);
      cache.offer(slot, answer());
      expect(cache.size).toBe(1);
      // Heartbeats keep it alive; then nothing at all.
      for (let i = 0; i < 4; i++) {
        await sleep(150);
        for (const stream of tessera.streams) stream.write(': ping\n\n');
      }
      expect(cache.size).toBe(1);
      await waitFor(() => cache.size === 0, 2_000);
      await waitFor(() => tessera.resumedFrom.length >= 2);
      expect(tessera.resumedFrom.slice(0, 2)).toEqual([undefined, last]);
    } finally {
      cache.close();
    }
  });
});
