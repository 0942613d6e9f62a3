import { Injectable } from '@nestjs/common';
import { CredentialCache } from '../common/cache/credential-cache.js';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
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
export class SessionCache extends CredentialCache<SessionState | null> {
  constructor(
    config: AppConfig,
    private readonly bus: InvalidationBus,
    metrics: MetricsService,
  ) {
    super(config.sessionCacheTtlSeconds * 1000);
    this.countLookups(
      metrics.cacheLookups.child({ cache: 'session', result: 'hit' }),
      metrics.cacheLookups.child({ cache: 'session', result: 'miss' }),
    );
    bus.join('session', {
      invalidateLocally: (keys) => super.invalidate(keys),
      capLifetime: (ms) => this.capLifetime(ms),
    });
  }

  override invalidate(keys: Iterable<string>): void {
    void this.invalidateEverywhere(keys);
  }

  /**
   * Drops the entries here and tells the other instances; resolves once Redis has taken the
   * message (see InvalidationBus.publish), so that an answer sent after it is not contradicted
   * by the next request to another instance.
   */
  invalidateEverywhere(keys: Iterable<string>): Promise<void> {
    const list = [...keys];
    super.invalidate(list);
    return this.bus.publish('session', list);
  }
}
