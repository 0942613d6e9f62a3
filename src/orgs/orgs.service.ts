import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { assertKnownScopes } from '../tokens/token-policy.js';
import { TokenRevocationService } from '../tokens/token-revocation.service.js';
import type { AdminOrgPageDto, CreateOrgDto, UpdateOrgDto } from './dto/org.dto.js';
import { OrgDto, type OrgListDto } from './dto/org.dto.js';
import { OrgAccessService, assertPerson } from './org-access.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { OrgMembershipEvents } from './org-membership-events.js';
import type { OrgPolicy } from './org-policy.js';
import { chosenSlug, slugFromName } from './org-slug.js';
import { OrgsRepository, isSlugClash } from './orgs.repository.js';

/** A derived slug that clashes is tried again with a random suffix, this many times. */
const DERIVED_SLUG_ATTEMPTS = 5;

/** Organizations themselves: creating, reading, renaming, setting the policy, deleting. */
@Injectable()
export class OrgsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orgs: OrgsRepository,
    private readonly members: OrgMembersRepository,
    private readonly access: OrgAccessService,
    private readonly audit: AuditService,
    private readonly registry: ScopeRegistry,
    private readonly membership: OrgMembershipEvents,
    private readonly tokens: TokenRevocationService,
  ) {}

  /** A new organization with the caller as its first owner. */
  async create(principal: AuthPrincipal, input: CreateOrgDto, actor: AuditActor): Promise<OrgDto> {
    assertPerson(principal, 'create organizations');
    const chosen = input.slug === undefined ? null : chosenSlug(input.slug);
    for (let attempt = 0; ; attempt++) {
      const slug = chosen ?? slugFromName(input.name, attempt);
      try {
        return await this.uow.run(async (tx) => {
          const m = tx.manager;
          const org = await this.orgs.insert({ name: input.name, slug, policy: {} }, m);
          await this.members.insert(org.id, userIdOf(principal), 'owner', m);
          await this.audit.record(
            actor,
            [
              {
                action: 'org.created',
                targetType: 'org',
                targetId: org.id,
                ownerId: null,
                orgId: org.id,
                details: { name: org.name, slug: org.slug },
              },
              {
                action: 'org.member_added',
                targetType: 'user',
                targetId: userIdOf(principal),
                ownerId: userIdOf(principal),
                orgId: org.id,
                details: { role: 'owner' },
              },
            ],
            m,
          );
          this.membership.changed(tx, [userIdOf(principal)]);
          return OrgDto.from(org, 'owner');
        });
      } catch (error) {
        // A chosen slug in use is the client's 409; a derived one is tried again.
        if (chosen !== null || attempt + 1 >= DERIVED_SLUG_ATTEMPTS || !isSlugClashOf(error)) {
          throw error;
        }
      }
    }
  }

  async listMine(principal: AuthPrincipal): Promise<OrgListDto> {
    if (principal.orgId !== undefined) {
      const { org, role } = await this.access.resolve(principal, principal.orgId, 'member');
      return { items: [OrgDto.from(org, role)] };
    }
    const rows = await this.orgs.listOf(userIdOf(principal));
    return { items: rows.map(({ org, role }) => OrgDto.from(org, role)) };
  }

  async get(principal: AuthPrincipal, ref: string): Promise<OrgDto> {
    const { org, role } = await this.access.resolve(principal, ref, 'member');
    return OrgDto.from(org, role);
  }

  /** Renames, or replaces the policy whole (admin+). */
  async update(
    principal: AuthPrincipal,
    ref: string,
    patch: UpdateOrgDto,
    actor: AuditActor,
  ): Promise<OrgDto> {
    if (patch.policy?.allowedScopes) assertKnownScopes(this.registry, patch.policy.allowedScopes);
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const { org, role } = await this.access.resolve(principal, ref, 'admin', m);
      const changed: string[] = [];
      if (patch.name !== undefined && patch.name !== org.name) {
        org.name = patch.name;
        changed.push('name');
      }
      if (patch.policy !== undefined) {
        org.policy = plainPolicy(patch.policy);
        changed.push('policy');
      }
      if (changed.length > 0) {
        await this.orgs.update(org, m);
        // Cached org tokens carry the shared budget: every instance reloads them.
        if (changed.includes('policy')) await this.tokens.forgetOrg(org.id, tx);
        await this.audit.record(
          actor,
          {
            action: 'org.updated',
            targetType: 'org',
            targetId: org.id,
            ownerId: null,
            orgId: org.id,
            details: { changed, name: org.name, policy: org.policy },
          },
          m,
        );
      }
      return OrgDto.from(org, role);
    });
  }

  /** Deletes the organization (owner): every org token revoked, every membership ended. */
  async delete(principal: AuthPrincipal, ref: string, actor: AuditActor): Promise<void> {
    await this.uow.run(async (tx) => {
      const m = tx.manager;
      const { org } = await this.access.resolve(principal, ref, 'owner', m);
      await this.orgs.markDeleted(org.id, m);
      const former = await this.members.deleteAll(org.id, m);
      // Under the organization's lock: no org token is made or rotated meanwhile.
      const revoked = await this.tokens.revokeAllOfOrg(tx, org.id, actor);
      await this.audit.record(
        actor,
        {
          action: 'org.deleted',
          targetType: 'org',
          targetId: org.id,
          ownerId: null,
          orgId: org.id,
          details: {
            name: org.name,
            slug: org.slug,
            members: former.length,
            revokedTokens: revoked,
          },
        },
        m,
      );
      this.membership.changed(tx, former);
    });
  }

  /** Every live organization with its member count, for admins. */
  async listAll(request: { limit?: number; cursor?: string }): Promise<AdminOrgPageDto> {
    const page = await this.orgs.listAll({ limit: request.limit ?? 20, cursor: request.cursor });
    const counts = await this.members.countByOrg(page.items.map((org) => org.id));
    return {
      items: page.items.map((org) => ({
        id: org.id,
        name: org.name,
        slug: org.slug,
        createdAt: org.createdAt.toISOString(),
        policy: org.policy,
        members: counts.get(org.id) ?? 0,
      })),
      nextCursor: page.nextCursor,
    };
  }
}

/** The policy as stored: only the rules given, as plain JSON. */
function plainPolicy(policy: OrgPolicy): OrgPolicy {
  const out: OrgPolicy = {};
  if (policy.maxTokenDays !== undefined) out.maxTokenDays = policy.maxTokenDays;
  if (policy.requireIpAllowlist !== undefined) out.requireIpAllowlist = policy.requireIpAllowlist;
  if (policy.allowedScopes !== undefined) out.allowedScopes = [...policy.allowedScopes];
  if (policy.rateLimit !== undefined) {
    const rate: NonNullable<OrgPolicy['rateLimit']> = {};
    if (policy.rateLimit.perMinute !== undefined) rate.perMinute = policy.rateLimit.perMinute;
    if (policy.rateLimit.perHour !== undefined) rate.perHour = policy.rateLimit.perHour;
    out.rateLimit = rate;
  }
  if (policy.quota !== undefined) {
    out.quota = { limit: policy.quota.limit, period: policy.quota.period };
  }
  return out;
}

function isSlugClashOf(error: unknown): boolean {
  return isSlugClash(error) || (error instanceof Error && error.name === 'OrgSlugTaken');
}
