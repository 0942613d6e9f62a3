import { Injectable } from '@nestjs/common';
import { CredentialCache } from '../common/cache/credential-cache.js';
import { InvalidationBus } from '../common/cache/invalidation-bus.js';
import { AppConfig } from '../common/config/app-config.js';
import type { OrgRole } from './org-roles.js';

/** One organization a user belongs to, as a credential carries it. */
export interface Membership {
  readonly id: string;
  readonly slug: string;
  readonly role: OrgRole;
}

/**
 * A user's memberships by user id, so that forward auth and `/verify` answer without a query
 * per request. A change of membership (joined, role changed, removed, organization deleted)
 * drops the user's entry here and, through the bus, on every other instance before the change
 * is answered.
 */
@Injectable()
export class MembershipCache extends CredentialCache<readonly Membership[]> {
  constructor(
    config: AppConfig,
    private readonly bus: InvalidationBus,
  ) {
    super(config.tokenCacheTtlSeconds * 1000);
    bus.join('membership', {
      invalidateLocally: (keys) => super.invalidate(keys),
      capLifetime: (ms) => this.capLifetime(ms),
    });
  }

  override invalidate(keys: Iterable<string>): void {
    void this.invalidateEverywhere(keys);
  }

  /** Drops the users' entries here and on the other instances; resolves once Redis took it. */
  invalidateEverywhere(userIds: Iterable<string>): Promise<void> {
    const list = [...userIds];
    super.invalidate(list);
    return this.bus.publish('membership', list);
  }
}
