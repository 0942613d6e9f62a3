/** One server-sent event as a client receives it. */
export interface ReceivedEvent {
  id?: string;
  event: string;
  data: any;
}

/** An open `text/event-stream` response read event by event, as a test needs it. */
export interface EventStreamReader {
  status: number;
  headers: Headers;
  /** The next event, waiting at most `timeoutMs`; rejects with what was awaited on timeout. */
  next(timeoutMs?: number, what?: string): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * Opens `url` with `headers` and parses the events (RFC 8895's `text/event-stream` lines:
 * `id`, `event`, `data`; comments skipped). A non-200 answer is returned with no events.
 */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const queue: ReceivedEvent[] = [];
  const waiting: Array<(event: ReceivedEvent) => void> = [];
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));

  const deliver = (event: ReceivedEvent) => {
    const waiter = waiting.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };
  void (async () => {
    if (response.status !== 200 || !response.body) return resolveEnded();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: ReceivedEvent = { event: 'message', data: '' };
          let data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length === 0) continue;
          const text = data.join('\n');
          data = [];
          try {
            event.data = JSON.parse(text);
          } catch {
            event.data = text;
          }
          deliver(event);
        }
      }
    } catch {
      // aborted by close()
    }
    resolveEnded();
  })();

  return {
    status: response.status,
    headers: response.headers,
    ended,
    next(timeoutMs = 5_000, what = 'an event') {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error(`No ${what} within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (event: ReceivedEvent) => {
          clearTimeout(timer);
          resolve(event);
        };
        waiting.push(waiter);
      });
    },
    close: () => abort.abort(),
  };
}
