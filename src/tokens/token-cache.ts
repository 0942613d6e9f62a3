import { Injectable } from '@nestjs/common';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
import { SharedCredentialCache } from '../common/cache/shared-credential-cache.js';
import type { AccountRecord, PrincipalRole, TokenRecord } from '../common/auth/principal.js';
import { AppConfig } from '../common/config/app-config.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import type { MeteredUse } from '../common/rate-limit/quota-limiter.js';
import type { RateWindow } from '../common/rate-limit/rate-limiter.js';
import type { Quota } from '../usage/quota-period.js';
import type { IpAllowlist } from './ip-allowlist.js';

/** What the per-request check needs to know of an API token. */
export interface TokenState {
  id: string;
  /** The owning user; absent for an organization's token. */
  userId?: string;
  /** The owning organization; absent for a personal token. */
  orgId?: string;
  /** The owner's role; `service` for an organization's token. */
  role: PrincipalRole;
  /** An imported secret in its old form, not a `tsr_` token. */
  legacy: boolean;
  /** The token's scopes that its owner's role still grants. */
  scopes: readonly string[];
  allowlist: IpAllowlist;
  /** Epoch ms, or null for never. */
  expiresAt: number | null;
  /** Epoch ms (in the future while a rotation's grace period runs), or null. */
  revokedAt: number | null;
  restrictions: {
    allowedIps: readonly string[];
    endsAt: number | null;
    rateLimit: { perMinute: number; perHour: number };
    quota: Quota | null;
  };
  /** The row and its owner's profile as loaded: what `/tokens/current` and `/auth/me` answer. */
  record: TokenRecord;
  account?: AccountRecord;
  /** Its rate-limit windows, built once per load rather than per request. */
  windows: readonly RateWindow[];
  /**
   * An organization's token: the windows of the budget all its organization's tokens share
   * (one Redis Cluster slot per organization), charged after the token's own; null: none.
   */
  orgWindows?: readonly RateWindow[] | null;
  /** Its quota, or null; counted for its rotation lineage, with its windows. */
  quota: Quota | null;
  lineageId: string;
  /** Its windows named under the lineage's hash tag, for the one call that checks the quota. */
  meteredWindows: MeteredUse['windows'];
  /** The owner's account is disabled. */
  userDisabled: boolean;
  /** The limits this token is held to: its own where lower than the server's. */
  rateLimit: { perMinute: number; perHour: number };
}

/**
 * API tokens by the base64 of their SHA-256 (null: no such token). An invalidation here
 * reaches the other instances' caches through the bus (hashes only, never a secret).
 */
@Injectable()
export class TokenCache extends SharedCredentialCache<TokenState | null> {
  constructor(config: AppConfig, bus: InvalidationBus, metrics: MetricsService) {
    super('token', 'api_token', config.tokenCacheTtlSeconds, bus, metrics);
  }
}
