import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/unit-of-work.js';
import { MembershipCache } from './membership-cache.js';

/**
 * What every instance must learn when memberships change: the users' cached memberships are
 * dropped after the commit, and the answer waits for the bus to have taken the message.
 */
@Injectable()
export class OrgMembershipEvents {
  constructor(private readonly cache: MembershipCache) {}

  changed(tx: Tx, userIds: readonly string[]): void {
    if (userIds.length > 0) tx.afterCommit(() => this.cache.invalidateEverywhere(userIds));
  }
}
