import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { CreateTokenDto } from '../tokens/dto/create-token.dto.js';
import type { DeleteTokenQuery } from '../tokens/dto/token-queries.dto.js';
import type {
  CreatedTokenDto,
  RotatedTokenDto,
  TokenDto,
  TokenPageDto,
} from '../tokens/dto/token-view.dto.js';
import type { UpdateTokenDto } from '../tokens/dto/update-token.dto.js';
import { TokenCreationService } from '../tokens/token-creation.service.js';
import { TokenEditsService } from '../tokens/token-edits.service.js';
import type { OrgTokenTarget, PolicyFacts } from '../tokens/token-owner.js';
import { TokenReadsService } from '../tokens/token-reads.service.js';
import { TokenRevocationService } from '../tokens/token-revocation.service.js';
import { TokenRotationService } from '../tokens/token-rotation.service.js';
import type { ListOrgTokensQuery } from './dto/org-tokens.dto.js';
import { OrgAccessService } from './org-access.js';
import type { OrgPolicy } from './org-policy.js';
import { assertOrgPolicy, outOfPolicy } from './org-token-policy.js';

/** The organization as a token's owner, and its policy as the use case last read it. */
type AdminTarget = OrgTokenTarget & { policy: () => OrgPolicy };

/**
 * An organization's API tokens: the token use cases, with the organization as the owner. Its
 * members read them; its admins make, change, rotate and revoke them.
 */
@Injectable()
export class OrgTokensService {
  constructor(
    private readonly access: OrgAccessService,
    private readonly creation: TokenCreationService,
    private readonly reads: TokenReadsService,
    private readonly edits: TokenEditsService,
    private readonly rotation: TokenRotationService,
    private readonly revocation: TokenRevocationService,
  ) {}

  async create(
    principal: AuthPrincipal,
    ref: string,
    input: CreateTokenDto,
    actor: AuditActor,
    idempotencyKey?: string,
  ): Promise<{ created: CreatedTokenDto; replayed: boolean }> {
    const target = await this.target(principal, ref);
    const answer = await this.creation.create(principal, input, actor, idempotencyKey, target);
    await this.withDefaultQuota(answer.created, target);
    return answer;
  }

  async list(
    principal: AuthPrincipal,
    ref: string,
    query: ListOrgTokensQuery,
  ): Promise<TokenPageDto> {
    const { org } = await this.access.resolve(principal, ref, 'member');
    const { outOfPolicy: onlyOut, ...rest } = query;
    return this.reads.list(
      { orgId: org.id },
      rest,
      onlyOut === 'true' ? outOfPolicy(org.policy) : undefined,
      org.policy.quota,
    );
  }

  async get(principal: AuthPrincipal, ref: string, id: string): Promise<TokenDto> {
    const { org } = await this.access.resolve(principal, ref, 'member');
    return this.reads.get({ orgId: org.id }, id, org.policy.quota);
  }

  async update(
    principal: AuthPrincipal,
    ref: string,
    id: string,
    patch: UpdateTokenDto,
    actor: AuditActor,
  ): Promise<TokenDto> {
    const target = await this.target(principal, ref);
    return this.withDefaultQuota(
      await this.edits.update(principal, id, patch, actor, target),
      target,
    );
  }

  async rotate(
    principal: AuthPrincipal,
    ref: string,
    id: string,
    graceSeconds: number,
    actor: AuditActor,
  ): Promise<RotatedTokenDto> {
    const target = await this.target(principal, ref);
    return this.withDefaultQuota(
      await this.rotation.rotate(principal, id, graceSeconds, actor, target),
      target,
    );
  }

  async revoke(
    principal: AuthPrincipal,
    ref: string,
    id: string,
    query: DeleteTokenQuery,
    actor: AuditActor,
  ): Promise<void> {
    const { org } = await this.access.resolve(principal, ref, 'admin');
    if (query.permanent === 'true') {
      await this.revocation.deletePermanently({ orgId: org.id }, id, actor);
    } else {
      await this.revocation.revoke({ orgId: org.id }, id, actor);
    }
  }

  /**
   * The organization as the owner of a token an admin acts on: checked now (404 or 403 before
   * any work), and again under the organization's row lock inside the use case's transaction,
   * with the policy as it is then.
   */
  private async target(principal: AuthPrincipal, ref: string): Promise<AdminTarget> {
    const { org } = await this.access.resolve(principal, ref, 'admin');
    let policy: OrgPolicy = org.policy;
    return {
      orgId: org.id,
      policy: () => policy,
      prepare: async (m: EntityManager) => {
        const locked = await this.access.resolve(principal, org.id, 'admin', m);
        policy = locked.org.policy;
      },
      check: (token: PolicyFacts, now: number) => assertOrgPolicy(policy, token, now),
    };
  }

  /**
   * The policy's default quota on the view of a token without its own, as the token's views
   * show it (what is left of it read from its counter).
   */
  private async withDefaultQuota<T extends TokenDto>(view: T, target: AdminTarget): Promise<T> {
    const quota = target.policy().quota;
    if (view.quota !== undefined || quota === undefined) return view;
    view.quota = (await this.reads.get({ orgId: target.orgId }, view.id, quota)).quota;
    return view;
  }
}
