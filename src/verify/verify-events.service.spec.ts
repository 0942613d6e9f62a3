import type { BusWatcher, InvalidationBus } from '../common/cache/invalidation-bus.js';
import { REPLAY_EVENTS, VerifyEvents, type StreamEvent } from './verify-events.service.js';

/** A bus the test drives by hand: what the stream hears, and whether it hears everything. */
function busStub() {
  let watcher: BusWatcher | undefined;
  const bus = {
    exact: true,
    watch: (w: BusWatcher) => {
      watcher = w;
      return () => (watcher = undefined);
    },
  } as unknown as InvalidationBus;
  return { bus, change: (keys: string[]) => watcher!.changed('token', keys) };
}

function collect(events: VerifyEvents, lastEventId?: string) {
  const received: StreamEvent[] = [];
  const { missed } = events.subscribe(
    { send: (e) => received.push(e), end: () => {} },
    lastEventId,
  );
  return { missed, received };
}

describe('VerifyEvents', () => {
  it('replays exactly what came after Last-Event-ID, while it is held', () => {
    const { bus, change } = busStub();
    const events = new VerifyEvents(bus);
    events.onModuleInit();
    change(['a']);
    const seen = events.lastId;
    change(['b']);
    change(['c']);
    const { missed } = collect(events, seen);
    expect(missed!.map((e) => e.data)).toEqual([{ tokens: ['b'] }, { tokens: ['c'] }]);
    expect(collect(events, events.lastId).missed).toEqual([]);
  });

  it('calls an id older than the events held, or of another stream, a gap', () => {
    const { bus, change } = busStub();
    const events = new VerifyEvents(bus);
    events.onModuleInit();
    const start = events.lastId;
    for (let i = 0; i < REPLAY_EVENTS; i++) change([`k${i}`]);
    // The first event after `start` is still held: nothing is lost yet.
    expect(collect(events, start).missed).toHaveLength(REPLAY_EVENTS);
    change(['one more']);
    expect(collect(events, start).missed).toBeNull();
    expect(collect(events, `other-${1}`).missed).toBeNull();
    expect(collect(events, undefined).missed).toBeNull();
    expect(collect(events, `${events.stream}-${REPLAY_EVENTS + 5}`).missed).toBeNull();
  });

  it('sends later events to every subscriber, in order, and none after unsubscribing', () => {
    const { bus, change } = busStub();
    const events = new VerifyEvents(bus);
    events.onModuleInit();
    const first = collect(events);
    const received: StreamEvent[] = [];
    const { unsubscribe } = events.subscribe(
      { send: (e) => received.push(e), end: () => {} },
      undefined,
    );
    change(['x']);
    unsubscribe();
    change(['y']);
    expect(first.received.map((e) => e.data)).toEqual([{ tokens: ['x'] }, { tokens: ['y'] }]);
    expect(received.map((e) => e.data)).toEqual([{ tokens: ['x'] }]);
  });
});
