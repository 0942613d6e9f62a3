import { randomUUID } from 'node:crypto';
import type { ApiToken } from '../tokens/api-token.entity.js';
import { TokenDto } from '../tokens/dto/token.dto.js';

export const WEBHOOK_EVENT_TYPES = [
  'token.created',
  'token.rotated',
  'token.revoked',
  'token.expiring_soon',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

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

/**
 * An event about one token. `data.token` is the owner's view of it: never the secret, never
 * its hash.
 */
export function tokenEvent(
  type: WebhookEventType,
  token: ApiToken,
  extra: Record<string, unknown> = {},
  dedupeKey?: string,
): WebhookEvent {
  return {
    payload: {
      id: randomUUID(),
      type,
      createdAt: new Date().toISOString(),
      data: { token: TokenDto.from(token), userId: token.userId, ...extra },
    },
    dedupeKey,
  };
}

/** One notice per token and expiry: a changed expiry gets a notice of its own. */
export function expiryNoticeKey(tokenId: string, expiresAt: Date): string {
  return `token.expiring_soon:${tokenId}:${Math.floor(expiresAt.getTime() / 1000)}`;
}
