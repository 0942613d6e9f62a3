import { Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InvalidationBus, type CacheName } from '../common/cache/invalidation-bus.js';

/** What the stream names a change by: the key kinds of the caches the bus carries. */
const FIELD: Record<CacheName, 'tokens' | 'sessions' | 'users'> = {
  token: 'tokens',
  session: 'sessions',
  membership: 'users',
};

/** Events kept for `Last-Event-ID` resumption; an older id is a gap. */
export const REPLAY_EVENTS = 1_000;

/** One server-sent event as written on the wire. */
export interface StreamEvent {
  readonly seq: number;
  readonly name: 'invalidate' | 'state';
  readonly data: InvalidateData | { exact: boolean };
}

export interface InvalidateData {
  tokens?: string[];
  sessions?: string[];
  users?: string[];
}

/** A listener of one open stream. */
export interface StreamSubscriber {
  send(event: StreamEvent): void;
  /** The instance is stopping: end the stream (the client reconnects elsewhere). */
  end(): void;
}

/**
 * The feed of `GET /verify/events`: every change to a credential this instance makes or hears
 * of through the invalidation bus, numbered, the last {@link REPLAY_EVENTS} kept so that a
 * client reconnecting with `Last-Event-ID` gets what it missed. Ids are `<stream>-<seq>`, the
 * stream being this process's: an id of another instance or an earlier process cannot be
 * resumed here, and the client is told so (`resumed: false`) and empties its cache.
 */
@Injectable()
export class VerifyEvents implements OnModuleInit, BeforeApplicationShutdown {
  readonly stream = randomBytes(6).toString('base64url');
  private seq = 0;
  private readonly recent: StreamEvent[] = [];
  private readonly subscribers = new Set<StreamSubscriber>();
  private unwatch?: () => void;
  /** Set once the instance stops: a stream asked for then is refused (it would hold the stop). */
  stopping = false;

  constructor(private readonly bus: InvalidationBus) {}

  onModuleInit(): void {
    this.unwatch = this.bus.watch({
      changed: (cache, keys) => this.append('invalidate', { [FIELD[cache]]: [...keys] }),
      exactness: (exact) => this.append('state', { exact }),
    });
  }

  /** Before the server closes: it waits for open connections, and a stream never ends by itself. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.unwatch?.();
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }

  /** Whether every change, wherever made, reaches this instance now. */
  get exact(): boolean {
    return this.bus.exact;
  }

  get open(): number {
    return this.subscribers.size;
  }

  /** The id of the newest event (or of the stream's start). */
  get lastId(): string {
    return this.idOf(this.seq);
  }

  idOf(seq: number): string {
    return `${this.stream}-${seq}`;
  }

  /**
   * Subscribes, and answers what the client missed since `lastEventId`: the events after it,
   * or null when they cannot all be given (no id, another stream's, older than those kept).
   * Replayed events and later ones reach `subscriber` in order, none twice.
   */
  subscribe(
    subscriber: StreamSubscriber,
    lastEventId: string | undefined,
  ): { missed: StreamEvent[] | null; unsubscribe: () => void } {
    this.subscribers.add(subscriber);
    return {
      missed: this.since(lastEventId),
      unsubscribe: () => this.subscribers.delete(subscriber),
    };
  }

  private since(lastEventId: string | undefined): StreamEvent[] | null {
    const match = /^([A-Za-z0-9_-]+)-(\d{1,15})$/.exec(lastEventId ?? '');
    if (!match || match[1] !== this.stream) return null;
    const seen = Number(match[2]);
    if (seen > this.seq) return null;
    const oldest = this.recent[0]?.seq ?? this.seq + 1;
    // Every event after `seen` must still be held.
    if (seen + 1 < oldest && seen < this.seq) return null;
    return this.recent.filter((event) => event.seq > seen);
  }

  private append(name: StreamEvent['name'], data: StreamEvent['data']): void {
    const event: StreamEvent = { seq: ++this.seq, name, data };
    this.recent.push(event);
    if (this.recent.length > REPLAY_EVENTS) this.recent.shift();
    for (const subscriber of this.subscribers) subscriber.send(event);
  }
}
