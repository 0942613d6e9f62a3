import { Injectable } from '@nestjs/common';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { MembershipCache, type Membership } from './membership-cache.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { atLeast, type OrgRole } from './org-roles.js';
import { OrgsRepository } from './orgs.repository.js';

/** How a credential stands in the organization a route names. */
export type OrgStanding =
  { allowed: true; orgId: string; role: OrgRole | 'service' } | { allowed: false };

/**
 * The organizations a credential belongs to, for forward auth and `/verify`: from the
 * membership cache (one query per user and cache lifetime, none per request), dropped on every
 * instance when a membership changes.
 */
@Injectable()
export class OrgMembershipsService {
  /** An organization's slug never changes: its tokens find it once per process. */
  private readonly slugs = new Map<string, string>();

  constructor(
    private readonly cache: MembershipCache,
    private readonly members: OrgMembersRepository,
    private readonly orgs: OrgsRepository,
  ) {}

  /**
   * The user's memberships when the cache holds them now (none for an organization's token),
   * without a promise: the hot path of `/verify` asks this first. Undefined: ask {@link of}.
   */
  cached(principal: AuthPrincipal): readonly Membership[] | undefined {
    const userId = principal.userId;
    if (userId === undefined) return [];
    return this.cache.peek(userId)?.value;
  }

  /** The user's memberships (none for an organization's token). */
  async of(principal: AuthPrincipal): Promise<readonly Membership[]> {
    const userId = principal.userId;
    if (userId === undefined) return [];
    const hit = this.cache.peek(userId);
    if (hit) return hit.value;
    return this.cache.get(userId, (id) => this.members.membershipsOf(id));
  }

  /**
   * Whether the credential may use a route of the organization `ref` (id or slug, any case):
   * an organization's token of that organization, or a user holding at least `needed` there.
   */
  async standing(principal: AuthPrincipal, ref: string, needed: OrgRole): Promise<OrgStanding> {
    const key = ref.toLowerCase();
    if (principal.orgId !== undefined) {
      const orgId = principal.orgId;
      if (key === orgId) return { allowed: true, orgId, role: 'service' };
      const slug = await this.slugOf(orgId);
      return slug === key ? { allowed: true, orgId, role: 'service' } : { allowed: false };
    }
    const membership = (await this.of(principal)).find(
      (member) => member.id === key || member.slug === key,
    );
    if (!membership || !atLeast(membership.role, needed)) return { allowed: false };
    return { allowed: true, orgId: membership.id, role: membership.role };
  }

  /** An organization's slug (null: no longer there), from memory after its first use. */
  async slugOf(orgId: string): Promise<string | null> {
    let slug = this.slugs.get(orgId);
    if (slug === undefined) {
      const found = await this.orgs.slugOf(orgId);
      if (found === null) return null;
      slug = found;
      if (this.slugs.size > 100_000) this.slugs.clear();
      this.slugs.set(orgId, slug);
    }
    return slug;
  }
}
