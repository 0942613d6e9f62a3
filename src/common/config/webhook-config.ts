import { PLACEHOLDER, type EnvReader } from './env-reader.js';
import type { NodeEnv } from './server-config.js';

/** Lifecycle webhooks. */
export interface WebhookConfig {
  /** Where token events are POSTed; unset: no event is recorded or sent. */
  readonly webhookUrl?: string;
  /** HMAC-SHA256 key of the `Tessera-Signature` header; set whenever {@link webhookUrl} is. */
  readonly webhookSecret?: string;
  /** First retry delay; it doubles per attempt, up to an hour. */
  readonly webhookRetryBaseSeconds: number;
  /** Attempts before an event is given up (kept in the outbox as failed). */
  readonly webhookMaxAttempts: number;
  /** How often each instance looks for due events (new ones are also sent at once). */
  readonly webhookPollSeconds: number;
  /** A receiver slower than this to answer has failed the attempt. */
  readonly webhookTimeoutSeconds: number;
  /** `token.expiring_soon` goes out this many days before a token expires. */
  readonly tokenExpiryNoticeDays: number;
}

/** Optional: without WEBHOOK_URL, nothing is recorded. With it, events must be signable. */
export function readWebhookConfig(
  read: EnvReader,
  nodeEnv: NodeEnv,
  problems: string[],
): WebhookConfig {
  const webhookUrl = read.optionalUrl('WEBHOOK_URL', ['http:', 'https:']);
  const webhookSecret = read.string('WEBHOOK_SECRET', '') || undefined;
  if (webhookUrl !== undefined) {
    const url = new URL(webhookUrl);
    if (url.username || url.password) {
      problems.push('WEBHOOK_URL must not hold credentials: receivers check WEBHOOK_SECRET');
    } else if (nodeEnv === 'production' && url.protocol !== 'https:') {
      problems.push('WEBHOOK_URL must be an https:// URL in production');
    }
    if (webhookSecret === undefined) {
      problems.push('WEBHOOK_SECRET is required when WEBHOOK_URL is set (32+ random characters)');
    }
  }
  if (webhookSecret !== undefined) {
    if (webhookSecret.length < 32) {
      problems.push('WEBHOOK_SECRET must be at least 32 characters long');
    } else if (nodeEnv === 'production' && PLACEHOLDER.test(webhookSecret)) {
      problems.push('WEBHOOK_SECRET looks like a placeholder; set a random value in production');
    }
  }
  return {
    webhookUrl,
    webhookSecret,
    webhookRetryBaseSeconds: read.int('WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
    webhookMaxAttempts: read.int('WEBHOOK_MAX_ATTEMPTS', 30, 1, 100),
    webhookPollSeconds: read.int('WEBHOOK_POLL_SECONDS', 10, 1, 3600),
    webhookTimeoutSeconds: read.int('WEBHOOK_TIMEOUT_SECONDS', 10, 1, 60),
    tokenExpiryNoticeDays: read.int('TOKEN_EXPIRY_NOTICE_DAYS', 7, 1, 365),
  };
}
