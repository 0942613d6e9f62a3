import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../webhooks/webhook-events.js';
import type { ApiToken } from './api-token.entity.js';
import { TokenDto } from './dto/token-view.dto.js';

export const TOKEN_EVENT_TYPES = [
  'token.created',
  'token.rotated',
  'token.updated',
  'token.revoked',
  'token.expiring_soon',
] as const;

export type TokenEventType = (typeof TOKEN_EVENT_TYPES)[number];

/**
 * A webhook event about one token. `data.token` is the owner's view of it: never the secret,
 * never its hash.
 */
export function tokenEvent(
  type: TokenEventType,
  token: ApiToken,
  extra: Record<string, unknown> = {},
  dedupeKey?: string,
): WebhookEvent {
  return {
    payload: {
      id: randomUUID(),
      type,
      createdAt: new Date().toISOString(),
      data: {
        token: TokenDto.from(token),
        ...(token.orgId ? { orgId: token.orgId } : { userId: token.userId }),
        ...extra,
      },
    },
    dedupeKey,
  };
}

/** One notice per token and expiry: a changed expiry gets a notice of its own. */
export function expiryNoticeKey(tokenId: string, expiresAt: Date): string {
  return `token.expiring_soon:${tokenId}:${Math.floor(expiresAt.getTime() / 1000)}`;
}
