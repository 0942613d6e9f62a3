import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { assertRecentAuthenticationFor } from '../common/auth/step-up.js';
import { AppConfig } from '../common/config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { UsersRepository } from '../users/users.repository.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { TokenDto, type RotatedTokenDto } from './dto/token-view.dto.js';
import { tokenEvent } from './token-events.js';
import { ownerOf, type OrgTokenTarget } from './token-owner.js';
import { TokenIssuer, createdEvent } from './token-issuer.js';
import {
  assertActive,
  assertGrantable,
  assertQuotaWithin,
  assertRateWithin,
  storedQuota,
  assertWithin,
  knownScopes,
  rotatedExpiry,
} from './token-policy.js';
import { TokenReadsService } from './token-reads.service.js';
import { TokenVerifierService } from './token-verifier.service.js';

/** Rotating a token (`POST /tokens/:id/rotate`): a new secret in its place, the old one ending. */
@Injectable()
export class TokenRotationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
    private readonly reads: TokenReadsService,
    private readonly issuer: TokenIssuer,
    private readonly verifier: TokenVerifierService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
    private readonly registry: ScopeRegistry,
  ) {}

  /**
   * A new secret with the same name, scopes, allowlist and expiry policy. The old token works
   * on for `graceSeconds`. Both the check and the change happen under the old row's lock: of
   * two concurrent rotations one wins, the other finds the token already rotated (409).
   */
  async rotate(
    principal: AuthPrincipal,
    id: string,
    graceSeconds: number,
    actor: AuditActor,
    org?: OrgTokenTarget,
  ): Promise<RotatedTokenDto> {
    const { rotated, token } = await this.uow.run(async (tx) => {
      const m = tx.manager;
      // The owner's row first, as every path that locks both does.
      if (org) await org.prepare(m);
      else await this.users.lockRow(userIdOf(principal), m);
      const old = await this.reads.find(
        m,
        org ? { orgId: org.orgId } : userIdOf(principal),
        id,
        true,
      );
      assertActive(old, 'rotated');
      // A scope since dropped from the policy file grants nothing: the new token goes without.
      const scopes = knownScopes(this.registry, old.scopes);
      if (scopes.length === 0) {
        throw new DomainError(
          'TokenNotActive',
          'None of the scopes of this API token exist any more: create a new token instead',
        );
      }
      assertGrantable(principal, scopes, this.registry);
      assertRecentAuthenticationFor(principal, scopes, this.config.stepUpSeconds);
      const now = Date.now();
      const expiresAt = rotatedExpiry(
        old,
        now,
        this.config.tokenMaxDaysSet ? this.config.tokenMaxDays : undefined,
      );
      // A token rotating itself renews its own expiry policy; rotating another token, it may
      // not hand out a longer life than its own.
      assertWithin(principal, old.allowedIps, principal.tokenId === old.id ? undefined : expiresAt);
      assertRateWithin(
        principal,
        { perMinute: old.ratePerMinute, perHour: old.ratePerHour },
        this.issuer.serverRateLimits(),
      );
      // The new token shares the old one's quota: one looser than the caller's is out of reach.
      assertQuotaWithin(principal, storedQuota(old));
      // The old token stays active through its grace period: a chain of rotations must not
      // multiply the active tokens past the limit.
      // A rotation makes a new token: the organization's policy as it is now applies to it.
      org?.check({ scopes, allowedIps: old.allowedIps, expiresAt }, now);
      await this.issuer.assertBelowLimit(m, ownerOf(old), old.id);
      // Before the insert: the old token leaves the index of active names to its successor.
      await this.tokens.markRotated(old.id, graceSeconds, m);
      const { token, secret } = await this.issuer.issue(m, {
        ratePerMinute: old.ratePerMinute,
        ratePerHour: old.ratePerHour,
        // One quota for the whole chain: a rotation is no way to start it over.
        quotaLimit: old.quotaLimit,
        quotaPeriod: old.quotaPeriod,
        lineageId: old.lineageId ?? old.id,
        userId: old.userId,
        orgId: old.orgId,
        createdBy: old.orgId ? (principal.userId ?? old.createdBy) : null,
        name: old.name,
        description: old.description,
        scopes,
        allowedIps: old.allowedIps,
        expiresAt,
        lifetimeDays: old.lifetimeDays,
        rotatedFromId: old.id,
      });
      await this.audit.record(
        actor,
        [
          {
            action: 'token.rotated',
            targetType: 'token',
            targetId: old.id,
            ownerId: old.userId,
            orgId: old.orgId,
            details: { rotatedToId: token.id, gracePeriodSeconds: graceSeconds },
          },
          createdEvent(token),
        ],
        m,
      );
      await this.webhooks.enqueue(
        [
          tokenEvent('token.rotated', token, {
            previousTokenId: old.id,
            gracePeriodSeconds: graceSeconds,
          }),
        ],
        tx,
      );
      tx.afterCommit(() => this.verifier.invalidate([old.tokenHash]));
      const rotated: RotatedTokenDto = {
        ...TokenDto.from(token),
        token: secret,
        rotatedFromId: old.id,
      };
      return { rotated, token };
    });
    // After the commit: what the shared quota has left, read from its counter.
    return this.reads.withQuota(rotated, token);
  }
}
