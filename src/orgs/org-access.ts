import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { OrgMembersRepository } from './org-members.repository.js';
import type { Org } from './org.entity.js';
import { atLeast, type OrgRole } from './org-roles.js';
import { orgReference } from './org-slug.js';
import { OrgsRepository } from './orgs.repository.js';

/** An organization as the caller reaches it, with the caller's role in it. */
export interface OrgAccess {
  org: Org;
  /** The caller's role; an org token of this organization counts as a member. */
  role: OrgRole;
  /** The caller is an API token of this organization, not a person. */
  asOrgToken: boolean;
}

/** The error of every organization the caller is not in: as if it did not exist. */
export const orgNotFound = () => notFound('Organization');

/**
 * The one answer to "may this caller do this in organization `:org`?". Outsiders get 404 exactly
 * as for an organization that does not exist; members without the role get 403.
 */
@Injectable()
export class OrgAccessService {
  constructor(
    private readonly orgs: OrgsRepository,
    private readonly members: OrgMembersRepository,
  ) {}

  /**
   * The organization `ref` (id or slug) and the caller's role in it, at least `needed`. With
   * `m` inside a use case's transaction, the organization's row is locked first (the lock order
   * of OrgsRepository) and the role read after it, so a concurrent change of roles is seen.
   */
  async resolve(
    principal: AuthPrincipal,
    ref: string,
    needed: OrgRole,
    m?: EntityManager,
  ): Promise<OrgAccess> {
    const reference = orgReference(ref);
    if (!reference) {
      throw new DomainError('BadRequest', 'org must be an organization id or slug');
    }
    const org = await this.orgs.findLive(reference, m ?? this.orgs.manager, m !== undefined);
    if (!org) throw orgNotFound();
    let role: OrgRole | null;
    if (principal.orgId !== undefined) {
      role = principal.orgId === org.id ? 'member' : null;
    } else {
      role = await this.members.roleOf(org.id, userIdOf(principal), m ?? this.members.manager);
    }
    if (role === null) throw orgNotFound();
    if (!atLeast(role, needed)) {
      throw new DomainError(
        'Forbidden',
        principal.orgId !== undefined
          ? "An organization's API token cannot do this: a member with the role " + `${needed} must`
          : `This needs the role ${needed} in the organization`,
      );
    }
    return { org, role, asOrgToken: principal.orgId !== undefined };
  }
}

/** A person acts here, not an organization's token (403 otherwise). */
export function assertPerson(principal: AuthPrincipal, what: string): void {
  if (principal.orgId !== undefined) {
    throw new DomainError('Forbidden', `An organization's API token cannot ${what}`);
  }
}
