import { Injectable } from '@nestjs/common';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
import { SharedCredentialCache } from '../common/cache/shared-credential-cache.js';
import type { AccountRecord } from '../common/auth/principal.js';
import type { Role } from '../common/auth/scopes.js';
import { AppConfig } from '../common/config/app-config.js';
import { MetricsService } from '../common/metrics/metrics.service.js';

export interface SessionState {
  userId: string;
  /** The user's role now: a role change applies to live sessions without a new token. */
  role: Role;
  /** The user's account is disabled: refused, and not revoked, so enabling it brings it back. */
  disabled: boolean;
  revoked: boolean;
  /** The scopes the session was narrowed to (OAuth `scope`); null: every scope of the role. */
  scopes: readonly string[] | null;
  /** Epoch ms at which the session ends (the earlier of idle and absolute expiry). */
  endsAt: number;
  /** Epoch ms at which the user last proved who they are in this session (step-up). */
  authTime: number;
  /** The user has a second factor (TOTP or a passkey): for REQUIRE_MFA_FOR_ADMINS. */
  secondFactor: boolean;
  /** The user's profile, loaded with the role: what `/auth/me` answers. */
  account: AccountRecord;
}

/**
 * What the per-request session check reads, by session id (null: no such session). An
 * invalidation here reaches the other instances' caches through the bus.
 */
@Injectable()
export class SessionCache extends SharedCredentialCache<SessionState | null> {
  constructor(config: AppConfig, bus: InvalidationBus, metrics: MetricsService) {
    super('session', 'session', config.sessionCacheTtlSeconds, bus, metrics);
  }
}
