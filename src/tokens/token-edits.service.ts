import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { assertRecentAuthenticationFor } from '../common/auth/step-up.js';
import { AppConfig } from '../common/config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { UsersRepository } from '../users/users.repository.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import type { UpdateTokenDto } from './dto/update-token.dto.js';
import type { TokenDto } from './dto/token-view.dto.js';
import { TokenIssuer, nameChecked } from './token-issuer.js';
import { ownerOf, type OrgTokenTarget } from './token-owner.js';
import {
  assertActive,
  assertGrantable,
  assertKnownScopes,
  assertQuotaWithin,
  assertSharedQuotaKept,
  assertRateWithin,
  storedQuota,
  assertWithin,
  canonicalIps,
  expiryWithin,
  knownScopes,
  ownRateLimits,
  sameSet,
} from './token-policy.js';
import { TokenReadsService } from './token-reads.service.js';
import { TokenVerifierService } from './token-verifier.service.js';

/** Changing a token's fields in place (`PATCH /tokens/:id`): name, scopes, allowlist, expiry, limits. */
@Injectable()
export class TokenEditsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
    private readonly reads: TokenReadsService,
    private readonly issuer: TokenIssuer,
    private readonly verifier: TokenVerifierService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly registry: ScopeRegistry,
  ) {}

  async update(
    principal: AuthPrincipal,
    id: string,
    patch: UpdateTokenDto,
    actor: AuditActor,
    org?: OrgTokenTarget,
  ): Promise<TokenDto> {
    const token = await this.uow.run(async (tx) => {
      const m = tx.manager;
      // The owner's row first, as every path that locks both does: a rename takes turns with
      // creates and other renames of this owner's tokens.
      if (org) await org.prepare(m);
      else await this.users.lockRow(userIdOf(principal), m);
      const token = await this.reads.find(
        m,
        org ? { orgId: org.orgId } : userIdOf(principal),
        id,
        true,
      );
      assertActive(token, 'changed');
      // An API token changes only tokens no more powerful than itself: no wider scopes, no
      // wider allowlist, no longer life than its own.
      if (principal.tokenId) {
        assertGrantable(principal, knownScopes(this.registry, token.scopes), this.registry);
        assertWithin(principal, token.allowedIps, token.expiresAt);
        assertRateWithin(
          principal,
          { perMinute: token.ratePerMinute, perHour: token.ratePerHour },
          this.issuer.serverRateLimits(),
        );
        assertQuotaWithin(principal, storedQuota(token));
      }
      const changed: string[] = [];
      if (patch.scopes !== undefined) {
        assertKnownScopes(this.registry, patch.scopes);
        const added = patch.scopes.filter((scope) => !token.scopes.includes(scope));
        assertGrantable(principal, added, this.registry);
        assertRecentAuthenticationFor(principal, added, this.config.stepUpSeconds);
        if (!sameSet(patch.scopes, token.scopes)) changed.push('scopes');
        token.scopes = patch.scopes;
      }
      if (patch.allowedIps !== undefined) {
        const allowedIps = canonicalIps(patch.allowedIps);
        assertWithin(principal, allowedIps);
        if (!sameSet(allowedIps, token.allowedIps)) changed.push('allowedIps');
        token.allowedIps = allowedIps;
      }
      if (patch.name !== undefined && patch.name !== token.name) {
        await this.tokens.releaseExpiredName(ownerOf(token), patch.name, m);
        changed.push('name');
        token.name = patch.name;
      }
      if (patch.expiresAt !== undefined) {
        const expiresAt = expiryWithin(patch.expiresAt, this.config.tokenMaxDays, Date.now());
        assertWithin(principal, token.allowedIps, expiresAt);
        if (expiresAt.getTime() !== token.expiresAt?.getTime()) changed.push('expiresAt');
        token.expiresAt = expiresAt;
        // A date chosen by hand: a rotation keeps it rather than counting a lifetime again.
        token.lifetimeDays = null;
      }
      if (patch.rateLimit !== undefined) {
        const current = { perMinute: token.ratePerMinute, perHour: token.ratePerHour };
        const server = this.issuer.serverRateLimits();
        const rate = ownRateLimits(patch.rateLimit, server, current);
        // Lifting a limit (to null: the server's) is loosening it too.
        assertRateWithin(principal, rate, server);
        if (rate.perMinute !== current.perMinute || rate.perHour !== current.perHour) {
          changed.push('rateLimit');
        }
        token.ratePerMinute = rate.perMinute;
        token.ratePerHour = rate.perHour;
      }
      if (patch.quota !== undefined) {
        assertQuotaWithin(principal, patch.quota);
        assertSharedQuotaKept(principal, token, patch.quota);
        const limit = patch.quota?.limit ?? null;
        const period = patch.quota?.period ?? null;
        if (limit !== token.quotaLimit || period !== token.quotaPeriod) changed.push('quota');
        token.quotaLimit = limit;
        token.quotaPeriod = period;
      }
      if (patch.description !== undefined && patch.description !== token.description) {
        changed.push('description');
        token.description = patch.description;
      }
      // Only what changes is judged: a token made before a tightening stays as it is until then.
      if (
        org &&
        changed.some(
          (field) => field === 'scopes' || field === 'allowedIps' || field === 'expiresAt',
        )
      ) {
        org.check(token, Date.now());
      }
      if (changed.length > 0) {
        await nameChecked(this.tokens.save(token, m), token.name);
        await this.audit.record(
          actor,
          {
            action: 'token.updated',
            targetType: 'token',
            targetId: token.id,
            ownerId: token.userId,
            orgId: token.orgId,
            details: {
              changed,
              // The name as it is now: the audit log names the token by its latest one.
              name: token.name,
              scopes: token.scopes,
              allowedIps: token.allowedIps,
              expiresAt: token.expiresAt?.toISOString() ?? null,
              rateLimit: { perMinute: token.ratePerMinute, perHour: token.ratePerHour },
              quota:
                token.quotaLimit === null
                  ? null
                  : { limit: token.quotaLimit, period: token.quotaPeriod },
            },
          },
          m,
        );
      }
      tx.afterCommit(() => this.verifier.invalidate([token.tokenHash]));
      return token;
    });
    return this.reads.withQuota(this.reads.view(token), token);
  }
}
