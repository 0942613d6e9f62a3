/**
 * What the outbox carries. The modules whose changes are reported own their event types and
 * build the events (`tokens/token-events.ts`); the outbox knows none of them.
 */
export type WebhookEventType = `${string}.${string}`;

/** The JSON body a receiver gets. */
export interface WebhookPayload {
  /** Unique per event: receivers dedupe on it (delivery is at least once). */
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: Record<string, unknown>;
}

/** An event to record; `dedupeKey` makes a second recording of the same fact a no-op. */
export interface WebhookEvent {
  payload: WebhookPayload;
  dedupeKey?: string;
}
