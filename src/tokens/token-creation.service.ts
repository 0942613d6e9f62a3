import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { assertRecentAuthenticationFor } from '../common/auth/step-up.js';
import { AppConfig } from '../common/config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import type { Quota } from '../usage/quota-period.js';
import { TokenQuotas } from '../usage/token-quotas.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { CreateTokenDto } from './dto/create-token.dto.js';
import { TokenDto, type CreatedTokenDto } from './dto/token-view.dto.js';
import { IdempotencyService, type IdempotencyClaim } from './idempotency.service.js';
import { tokenEvent } from './token-events.js';
import type { OrgTokenTarget } from './token-owner.js';
import { quotaView } from './token-quota-view.js';
import { TokenIssuer, createdEvent } from './token-issuer.js';
import {
  assertGrantable,
  assertKnownScopes,
  assertQuotaWithin,
  assertRateWithin,
  assertWithin,
  canonicalIps,
  inheritedRateLimits,
  ownRateLimits,
  quotaLineageOf,
  quotaOfNewToken,
  requestedExpiry,
} from './token-policy.js';

const DAY_MS = 86_400_000;

/** Creating an API token for the caller (`POST /tokens`), retried safely by Idempotency-Key. */
@Injectable()
export class TokenCreationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly issuer: TokenIssuer,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
    private readonly registry: ScopeRegistry,
    private readonly quotas: TokenQuotas,
  ) {}

  /** What the lineage a new token joins has spent of its quota (a lineage of its own: none). */
  private async spent(lineageId: string | undefined, quota: Quota): Promise<number> {
    if (lineageId === undefined) return 0;
    return quota.limit - (await this.quotas.state(lineageId, quota)).remaining;
  }

  /**
   * Creates a token for the caller, or for the organization `org` names; with an
   * Idempotency-Key, a retry of the same request gets the first response again instead of a
   * second token.
   */
  async create(
    principal: AuthPrincipal,
    input: CreateTokenDto,
    actor: AuditActor,
    idempotencyKey?: string,
    org?: OrgTokenTarget,
  ): Promise<{ created: CreatedTokenDto; replayed: boolean }> {
    // Before any replay: a credential that could not make this token must not read it back.
    assertKnownScopes(this.registry, input.scopes);
    assertGrantable(principal, input.scopes, this.registry);
    assertRecentAuthenticationFor(principal, input.scopes, this.config.stepUpSeconds);
    let claim: IdempotencyClaim | undefined;
    if (idempotencyKey !== undefined) {
      const quotaLineage = quotaLineageOf(principal);
      const outcome = await this.idempotency.begin(
        userIdOf(principal),
        idempotencyKey,
        // The same key for another organization is another request (422), not a replay; so is
        // the same key from a token held to a quota and from any credential outside its count
        // (a replay would hand it a token that does not share its quota).
        {
          ...idempotentRequest(input),
          ...(org ? { orgId: org.orgId } : {}),
          ...(quotaLineage ? { quotaLineage } : {}),
        },
      );
      if (outcome.kind === 'replay') {
        const replayed = outcome.body as CreatedTokenDto;
        // The first request may have come from a credential with fewer limits than this one.
        assertWithin(
          principal,
          replayed.allowedIps,
          replayed.expiresAt === null ? null : new Date(replayed.expiresAt),
        );
        assertRateWithin(principal, replayed.rateLimit, this.issuer.serverRateLimits());
        return { created: replayed, replayed: true };
      }
      claim = outcome.claim;
    }
    try {
      return {
        created: await this.insertChecked(principal, input, actor, claim, org),
        replayed: false,
      };
    } catch (error) {
      if (claim) await this.idempotency.release(claim);
      throw error;
    }
  }

  /**
   * The owner's row is locked while the active tokens are counted and the new one inserted, so
   * concurrent creates cannot pass the limit together.
   */
  private async insertChecked(
    principal: AuthPrincipal,
    input: CreateTokenDto,
    actor: AuditActor,
    claim?: IdempotencyClaim,
    org?: OrgTokenTarget,
  ): Promise<CreatedTokenDto> {
    const now = Date.now();
    const maxDays = this.config.tokenMaxDays;
    let expiresAt = requestedExpiry(input, maxDays, now);
    let allowedIps = canonicalIps(input.allowedIps ?? []);
    const limits = principal.restrictions;
    if (limits) {
      // A token cannot mint its way out of its own limits: what it creates inherits them.
      if (input.allowedIps === undefined) allowedIps = [...limits.allowedIps];
      if (expiresAt === null && limits.endsAt !== null) expiresAt = new Date(limits.endsAt);
      assertWithin(principal, allowedIps, expiresAt);
    }
    let lifetimeDays = limits?.endsAt != null ? null : (input.expiresInDays ?? null);
    // A token asked for without an expiry lives the server's default (TOKEN_DEFAULT_DAYS, or
    // TOKEN_MAX_DAYS) and a rotation renews it, rather than breaking scripts that never named one.
    const defaultDays = this.config.tokenDefaultDays;
    if (expiresAt === null && defaultDays !== null) {
      expiresAt = new Date(now + defaultDays * DAY_MS);
      lifetimeDays = defaultDays;
    }
    const server = this.issuer.serverRateLimits();
    const rate = ownRateLimits(inheritedRateLimits(principal, input.rateLimit, server), server);
    assertRateWithin(principal, rate, server);
    const { quota, lineageId } = quotaOfNewToken(principal, input.quota);
    assertQuotaWithin(principal, quota);
    const userId = userIdOf(principal);
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      if (org) {
        // The policy as it is under the organization's lock: a concurrent tightening counts.
        await org.prepare(m);
        org.check({ scopes: input.scopes, allowedIps, expiresAt }, now);
      }
      await this.issuer.assertBelowLimit(m, org ? { orgId: org.orgId } : userId);
      const { token, secret } = await this.issuer.issue(m, {
        ratePerMinute: rate.perMinute,
        ratePerHour: rate.perHour,
        quotaLimit: quota?.limit ?? null,
        quotaPeriod: quota?.period ?? null,
        ...(lineageId ? { lineageId } : {}),
        userId: org ? null : userId,
        orgId: org?.orgId ?? null,
        createdBy: org ? userId : null,
        name: input.name,
        description: input.description ?? null,
        scopes: input.scopes,
        allowedIps,
        expiresAt,
        lifetimeDays,
        rotatedFromId: null,
      });
      await this.audit.record(actor, createdEvent(token), m);
      await this.webhooks.enqueue([tokenEvent('token.created', token)], tx);
      const created: CreatedTokenDto = {
        ...TokenDto.from(token),
        // A new token starts a lineage of its own (nothing spent yet) or shares its creator's.
        ...(quota ? { quota: quotaView(quota, await this.spent(lineageId, quota)) } : {}),
        token: secret,
      };
      if (claim) await this.idempotency.complete(m, claim, 201, created);
      return created;
    });
  }
}

/** What an Idempotency-Key is bound to: the body, with lists in a canonical order. */
function idempotentRequest(input: CreateTokenDto): Record<string, unknown> {
  return {
    ...input,
    scopes: [...input.scopes].sort(),
    ...(input.allowedIps ? { allowedIps: canonicalIps(input.allowedIps).sort() } : {}),
  };
}
