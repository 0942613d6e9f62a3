import { createHash } from 'node:crypto';
import type { Verification } from './types.js';

/** Silence after which the stream counts as lost: three missed 15 s heartbeats. */
const SILENCE_MS = 45_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;
/**
 * A credential an event named is not cached again for this long: the instance answering the
 * next `/verify` (behind a load balancer) may not have heard of the change yet.
 */
const RECENT_MS = 10_000;
/** Names remembered for that window at the most; past it, nothing is cached until they age. */
const MAX_RECENT = 10_000;

interface Entry {
  answer: Verification;
  expires: number;
  /** SHA-256 (base64) of the credential: what `invalidate` names API tokens by. */
  tokenHash: string;
  sessionId?: string;
  userId?: string;
}

/** Where a verification stands in the cache: its key, and the generation it was asked in. */
export interface Slot {
  key: string;
  tokenHash: string;
  generation: number;
}

export interface CacheOptions {
  url: string;
  authorization: string;
  ttlMs: number;
  maxEntries: number;
  /** Silence that counts as a lost stream (default 45 s: three missed heartbeats). */
  silenceMs?: number;
}

/**
 * Answers of `/verify` kept only while Tessera's event stream (`GET /api/v1/verify/events`) is
 * connected and exact, and dropped the moment it names their credential, session or user.
 *
 * - Only valid answers without `rateLimit` or `quota` are kept: a cached use never reaches
 *   Tessera, so it must not be one that Tessera would have to charge.
 * - A lost or silent stream empties the cache, which serves nothing until the next `ready`.
 * - Every event moves the generation on; an answer asked for in an older generation is not
 *   kept (it may predate the change the event reports).
 */
export class ExactCache {
  private readonly entries = new Map<string, Entry>();
  /** Token hashes, session ids and user ids named by events, with when (oldest first). */
  private readonly recent = new Map<string, number>();
  private generation = 0;
  /** Connected, and the server hears every instance's changes. */
  private serving = false;
  private lastEventId: string | undefined;
  private closed = false;
  private controller: AbortController | null = null;
  private wake: (() => void) | null = null;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: CacheOptions) {
    void this.run();
  }

  /** The cache key and generation of a verification; the raw credential is never a key. */
  slot(credential: string, scopes: string[] | undefined, clientIp: string | undefined): Slot {
    const tokenHash = createHash('sha256').update(credential).digest('base64');
    const key = createHash('sha256')
      .update(`${tokenHash}\n${scopes?.join(' ') ?? ''}\n${clientIp ?? ''}`)
      .digest('base64');
    return { key, tokenHash, generation: this.generation };
  }

  /** Answers served from the cache, and verifications asked of Tessera, since the start. */
  hits = 0;
  misses = 0;

  get(key: string, now = Date.now()): Verification | undefined {
    const entry = this.serving ? this.entries.get(key) : undefined;
    if (entry && entry.expires <= now) this.entries.delete(key);
    if (!entry || entry.expires <= now) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // A copy: what the application does with its answer does not change the cached one.
    return structuredClone(entry.answer);
  }

  /** Keeps `answer` if it may be served again and nothing changed since `slot` was taken. */
  offer(slot: Slot, answer: Verification, now = Date.now()): void {
    if (!this.serving || slot.generation !== this.generation) return;
    if (!answer.valid || answer.rateLimit || answer.quota) return;
    if (this.namedLately(slot.tokenHash, answer, now)) return;
    let expires = now + this.options.ttlMs;
    if (answer.expiresAt) expires = Math.min(expires, Date.parse(answer.expiresAt));
    if (!(expires > now)) return;
    if (this.entries.size >= this.options.maxEntries) {
      // The oldest entry: a Map keeps insertion order.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(slot.key, {
      answer: structuredClone(answer),
      expires,
      tokenHash: slot.tokenHash,
      sessionId: answer.sessionId,
      userId: answer.userId,
    });
  }

  ready(): Promise<void> {
    if (this.serving) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** How many answers are kept (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  close(): void {
    this.closed = true;
    this.lose();
    this.controller?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    let delay = 0;
    while (!this.closed) {
      if (delay > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          timer.unref();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
        if (this.closed) return;
      }
      let readied = false;
      try {
        readied = await this.listen();
      } catch {
        // Refused, unreachable, cut or silent: the same as any gap.
      }
      this.lose();
      delay = readied
        ? FIRST_RETRY_MS
        : Math.min(MAX_RETRY_MS, Math.max(FIRST_RETRY_MS, delay * 2));
    }
  }

  /** One connection, until it ends; true if it got as far as `ready`. */
  private async listen(): Promise<boolean> {
    const controller = new AbortController();
    this.controller = controller;
    let silence: NodeJS.Timeout | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), this.options.silenceMs ?? SILENCE_MS);
      silence.unref();
    };
    let readied = false;
    try {
      heard();
      const headers: Record<string, string> = {
        authorization: this.options.authorization,
        accept: 'text/event-stream',
      };
      if (this.lastEventId !== undefined) headers['last-event-id'] = this.lastEventId;
      const response = await fetch(this.options.url, { headers, signal: controller.signal });
      if (response.status !== 200 || !response.body) {
        await response.body?.cancel();
        return false;
      }
      const decoder = new TextDecoder();
      let buffered = '';
      let event = { type: 'message', data: [] as string[], id: undefined as string | undefined };
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        heard();
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffered.slice(0, end);
          const breakLength = buffered.startsWith('\r\n', end) ? 2 : 1;
          // A lone \r at the end of a chunk may be the start of \r\n: wait for more.
          if (breakLength === 1 && buffered[end] === '\r' && end === buffered.length - 1) break;
          buffered = buffered.slice(end + breakLength);
          if (line === '') {
            if (event.data.length > 0 || event.type !== 'message') {
              if (this.dispatch(event.type, event.data.join('\n'), event.id)) readied = true;
            }
            event = { type: 'message', data: [], id: undefined };
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'event') event.type = value;
          else if (field === 'data') event.data.push(value);
          else if (field === 'id') event.id = value;
        }
      }
      return readied;
    } finally {
      clearTimeout(silence);
      controller.abort();
    }
  }

  /** Applies one event; true for `ready`. Throws on what it cannot read (a gap, then). */
  private dispatch(type: string, data: string, id: string | undefined): boolean {
    if (type !== 'ready' && type !== 'invalidate' && type !== 'state') return false;
    const body = JSON.parse(data) as {
      resumed?: boolean;
      exact?: boolean;
      tokens?: string[];
      sessions?: string[];
      users?: string[];
    };
    this.generation++;
    if (type === 'invalidate') {
      this.drop(body.tokens ?? [], body.sessions ?? [], body.users ?? []);
    } else {
      // `ready` after a gap, or a change of exactness: nothing kept can be trusted.
      if (type === 'state' || body.resumed !== true) this.entries.clear();
      this.serving = body.exact === true;
    }
    if (id !== undefined) this.lastEventId = id;
    if (this.serving) {
      for (const resolve of this.waiters.splice(0)) resolve();
    }
    return type === 'ready';
  }

  /** Whether an event named this credential, its session or its user within RECENT_MS. */
  private namedLately(tokenHash: string, answer: Verification, now: number): boolean {
    for (const [name, at] of this.recent) {
      if (at > now - RECENT_MS) break;
      this.recent.delete(name);
    }
    // Too many names to remember: keep nothing until they age out.
    if (this.recent.size >= MAX_RECENT) return true;
    return [`t:${tokenHash}`, `s:${answer.sessionId}`, `u:${answer.userId}`].some((name) =>
      this.recent.has(name),
    );
  }

  private drop(tokens: string[], sessions: string[], users: string[]): void {
    const now = Date.now();
    const remember = (prefix: string, names: string[]) => {
      for (const name of names) {
        this.recent.delete(`${prefix}${name}`);
        if (this.recent.size < MAX_RECENT) this.recent.set(`${prefix}${name}`, now);
      }
    };
    remember('t:', tokens);
    remember('s:', sessions);
    remember('u:', users);
    const t = new Set(tokens);
    const s = new Set(sessions);
    const u = new Set(users);
    for (const [key, entry] of this.entries) {
      if (
        t.has(entry.tokenHash) ||
        (entry.sessionId !== undefined && s.has(entry.sessionId)) ||
        (entry.userId !== undefined && u.has(entry.userId))
      ) {
        this.entries.delete(key);
      }
    }
  }

  /** Disconnected: serve nothing and keep nothing until the next `ready`. */
  private lose(): void {
    this.serving = false;
    this.generation++;
    this.entries.clear();
  }
}
