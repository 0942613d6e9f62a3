import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { AppConfig } from '../common/config/app-config.js';
import { sha256 } from '../common/crypto/crypto.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { UsersRepository } from '../users/users.repository.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { ApiToken, TokenRevokeReason } from './api-token.entity.js';
import {
  ACTIVE_NAME_INDEX,
  ApiTokensRepository,
  type NewToken,
  type RevokedToken,
} from './api-tokens.repository.js';
import { IdempotencyService, type IdempotencyClaim } from './idempotency.service.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { assertRecentAuthenticationFor } from '../common/auth/step-up.js';
import { tokenEvent } from './token-events.js';
import { DISPLAY_PREFIX_LENGTH, generateApiToken } from './token-format.js';
import {
  assertActive,
  assertGrantable,
  assertKnownScopes,
  assertWithin,
  canonicalIps,
  expiryWithin,
  ownRateLimits,
  requestedExpiry,
  rotatedExpiry,
  sameSet,
} from './token-policy.js';
import { TokenVerifierService } from './token-verifier.service.js';
import {
  TokenDto,
  type AdminTokenDto,
  type AdminTokenPageDto,
  type CreateTokenDto,
  type CreatedTokenDto,
  type ListTokensQuery,
  type RotatedTokenDto,
  type TokenPageDto,
  type UpdateTokenDto,
} from './dto/token.dto.js';

/** The API token lifecycle: create, list, read, change, rotate, revoke. */
@Injectable()
export class TokensService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
    private readonly verifier: TokenVerifierService,
    private readonly lastUsed: LastUsedTracker,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
    private readonly registry: ScopeRegistry,
  ) {}

  /** The scopes of `scopes` that still exist (the policy file may have dropped some since). */
  private knownOf(scopes: readonly string[]): string[] {
    return scopes.filter((scope) => this.registry.isKnown(scope));
  }

  /**
   * Creates a token for the caller; with an Idempotency-Key, a retry of the same request gets
   * the first response again instead of a second token.
   */
  async create(
    principal: AuthPrincipal,
    input: CreateTokenDto,
    actor: AuditActor,
    idempotencyKey?: string,
  ): Promise<{ created: CreatedTokenDto; replayed: boolean }> {
    // Before any replay: a credential that could not make this token must not read it back.
    assertKnownScopes(this.registry, input.scopes);
    assertGrantable(principal, input.scopes, this.registry);
    assertRecentAuthenticationFor(principal, input.scopes, this.config.stepUpSeconds);
    let claim: IdempotencyClaim | undefined;
    if (idempotencyKey !== undefined) {
      const outcome = await this.idempotency.begin(
        principal.userId,
        idempotencyKey,
        idempotentRequest(input),
      );
      if (outcome.kind === 'replay') {
        const replayed = outcome.body as CreatedTokenDto;
        // The first request may have come from a credential with fewer limits than this one.
        assertWithin(
          principal,
          replayed.allowedIps,
          replayed.expiresAt === null ? null : new Date(replayed.expiresAt),
        );
        return { created: replayed, replayed: true };
      }
      claim = outcome.claim;
    }
    try {
      return { created: await this.insertChecked(principal, input, actor, claim), replayed: false };
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
    // With TOKEN_MAX_DAYS set, a token asked for without an expiry lives that long (and a
    // rotation renews it), rather than breaking the scripts that never named one.
    if (expiresAt === null && this.config.tokenMaxDaysSet) {
      expiresAt = new Date(now + maxDays * DAY_MS);
      lifetimeDays = maxDays;
    }
    const rate = ownRateLimits(input.rateLimit, this.serverRateLimits());
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.assertBelowLimit(m, principal.userId);
      const { token, secret } = await this.insert(m, {
        ratePerMinute: rate.perMinute,
        ratePerHour: rate.perHour,
        userId: principal.userId,
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
      const created: CreatedTokenDto = { ...TokenDto.from(token), token: secret };
      if (claim) await this.idempotency.complete(m, claim, 201, created);
      return created;
    });
  }

  /** Tokens of every user, for admins: each with its owner. */
  async listAll(query: ListTokensQuery): Promise<AdminTokenPageDto> {
    const page = await this.tokens.list(null, {
      status: query.status ?? 'active',
      expiringWithinDays: query.expiringWithinDays,
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    return {
      items: page.items.map((token): AdminTokenDto => ({
        ...this.view(token),
        userId: token.userId,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** How many active tokens each of these users holds (absent: none). */
  countActive(userIds: readonly string[]): Promise<Map<string, number>> {
    return this.tokens.countActiveByUser(userIds);
  }

  /**
   * After `tx` commits, every instance forgets what it cached of the user's active tokens: the
   * owner's role or standing changed in `tx`, and the next request must see it.
   */
  async forgetUser(userId: string, tx: Tx): Promise<void> {
    const hashes = await this.tokens.activeHashesOf(userId, tx.manager);
    if (hashes.length > 0) tx.afterCommit(() => this.verifier.invalidate(hashes));
  }

  async list(userId: string, query: ListTokensQuery): Promise<TokenPageDto> {
    const page = await this.tokens.list(userId, {
      status: query.status ?? 'active',
      expiringWithinDays: query.expiringWithinDays,
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    return { items: page.items.map((token) => this.view(token)), nextCursor: page.nextCursor };
  }

  async get(userId: string, id: string): Promise<TokenDto> {
    return this.view(await this.find(this.tokens.manager, userId, id));
  }

  /**
   * The token that authenticated the request, from the state it was verified against: any
   * change to the token drops that state on every instance before the change is answered.
   */
  async current(principal: AuthPrincipal): Promise<TokenDto> {
    const id = currentTokenOf(principal);
    if (!principal.token) return this.get(principal.userId, id);
    return TokenDto.fromRecord(id, principal.token, this.lastUsed.unwritten(id));
  }

  /** Revokes the token that authenticated the request: any token may retire itself. */
  async revokeCurrent(principal: AuthPrincipal, actor: AuditActor): Promise<void> {
    await this.revoke(principal.userId, currentTokenOf(principal), actor, 'self');
  }

  /** The ids of the active tokens among these hashes. */
  activeIdsByHash(tokenHashes: Buffer[]): Promise<string[]> {
    return tokenHashes.length === 0
      ? Promise.resolve([])
      : this.tokens.activeIdsByHash(tokenHashes);
  }

  async update(
    principal: AuthPrincipal,
    id: string,
    patch: UpdateTokenDto,
    actor: AuditActor,
  ): Promise<TokenDto> {
    const token = await this.uow.run(async (tx) => {
      const m = tx.manager;
      // The owner's row first, as every path that locks both does: a rename takes turns with
      // creates and other renames of this user's tokens.
      await this.users.lockRow(principal.userId, m);
      const token = await this.find(m, principal.userId, id, true);
      assertActive(token, 'changed');
      // An API token changes only tokens no more powerful than itself: no wider scopes, no
      // wider allowlist, no longer life than its own.
      if (principal.tokenId) {
        assertGrantable(principal, this.knownOf(token.scopes), this.registry);
        assertWithin(principal, token.allowedIps, token.expiresAt);
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
        await this.tokens.releaseExpiredName(token.userId, patch.name, m);
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
        const rate = ownRateLimits(patch.rateLimit, this.serverRateLimits(), current);
        if (rate.perMinute !== current.perMinute || rate.perHour !== current.perHour) {
          changed.push('rateLimit');
        }
        token.ratePerMinute = rate.perMinute;
        token.ratePerHour = rate.perHour;
      }
      if (patch.description !== undefined && patch.description !== token.description) {
        changed.push('description');
        token.description = patch.description;
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
            details: {
              changed,
              scopes: token.scopes,
              allowedIps: token.allowedIps,
              expiresAt: token.expiresAt?.toISOString() ?? null,
              rateLimit: { perMinute: token.ratePerMinute, perHour: token.ratePerHour },
            },
          },
          m,
        );
      }
      tx.afterCommit(() => this.verifier.invalidate([token.tokenHash]));
      return token;
    });
    return this.view(token);
  }

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
  ): Promise<RotatedTokenDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      // The owner's row first, as every path that locks both does.
      await this.users.lockRow(principal.userId, m);
      const old = await this.find(m, principal.userId, id, true);
      assertActive(old, 'rotated');
      // A scope since dropped from the policy file grants nothing: the new token goes without.
      const scopes = this.knownOf(old.scopes);
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
      // The old token stays active through its grace period: a chain of rotations must not
      // multiply the active tokens past the limit.
      await this.assertBelowLimit(m, old.userId, old.id);
      // Before the insert: the old token leaves the index of active names to its successor.
      await this.tokens.markRotated(old.id, graceSeconds, m);
      const { token, secret } = await this.insert(m, {
        ratePerMinute: old.ratePerMinute,
        ratePerHour: old.ratePerHour,
        userId: old.userId,
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
      return rotated;
    });
  }

  /**
   * Revokes a token now (also one still in a rotation's grace period). Revoking it again is
   * not an error. `ownerId` null: any user's token (admins).
   */
  async revoke(
    ownerId: string | null,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason = 'revoked',
  ): Promise<void> {
    const revoked = await this.uow.run((tx) => this.revokeIn(tx, ownerId, id, actor, reason));
    if (!revoked) await this.find(this.tokens.manager, ownerId, id);
  }

  /**
   * Revokes a token, then deletes its row in the same transaction: nothing of it is left but
   * its audit events (`token.revoked` when it was active, and `token.deleted`). `ownerId` null:
   * any user's token (admins).
   */
  async deletePermanently(
    ownerId: string | null,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason = 'revoked',
  ): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.revokeIn(tx, ownerId, id, actor, reason);
      const deleted = await this.tokens.delete(id, ownerId, tx.manager);
      if (!deleted) throw notFound('API token');
      await this.audit.record(
        actor,
        { action: 'token.deleted', targetType: 'token', targetId: id, ownerId: deleted.userId },
        tx.manager,
      );
      tx.afterCommit(() => this.verifier.invalidate([deleted.tokenHash]));
    });
  }

  /**
   * Revokes a token in `tx` (a use case of another module may have opened it); what it revoked,
   * or null when the token was not active.
   */
  async revokeIn(
    tx: Tx,
    ownerId: string | null,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason,
  ): Promise<RevokedToken | null> {
    const m = tx.manager;
    const row = await this.tokens.revoke(id, ownerId, reason, m);
    if (!row) return null;
    await this.audit.record(
      actor,
      {
        action: 'token.revoked',
        targetType: 'token',
        targetId: id,
        ownerId: row.userId,
        details: { reason },
      },
      m,
    );
    if (this.webhooks.enabled) {
      const token = await this.tokens.findById(id, m);
      await this.webhooks.enqueue([tokenEvent('token.revoked', token, { reason })], tx);
    }
    tx.afterCommit(() => this.verifier.invalidate([row.tokenHash]));
    return row;
  }

  /**
   * Locks the owner's row, then counts their active tokens (those in a rotation's grace period
   * included, but for `replacing`): concurrent creates and rotations take turns on the lock, so
   * none of them can pass the limit together.
   */
  private async assertBelowLimit(m: EntityManager, userId: string, replacing?: string) {
    await this.users.lockRow(userId, m);
    const n = await this.tokens.countActive(userId, m, replacing);
    if (n >= this.config.maxTokensPerUser) {
      throw new DomainError(
        'TokenLimitReached',
        `You have ${n} active API tokens, the most allowed (${this.config.maxTokensPerUser}); revoke one first`,
      );
    }
  }

  private async insert(
    m: EntityManager,
    fields: Omit<NewToken, 'prefix' | 'tokenHash'>,
  ): Promise<{ token: ApiToken; secret: string }> {
    const secret = generateApiToken();
    // An expired token of that name gives it up; an active one keeps it (409 below).
    await this.tokens.releaseExpiredName(fields.userId, fields.name, m);
    const token = await nameChecked(
      this.tokens.insert(
        { ...fields, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), tokenHash: sha256(secret) },
        m,
      ),
      fields.name,
    );
    return { token, secret };
  }

  /** A token of `userId` (any user when null); another user's is "not found" too. */
  private async find(
    m: EntityManager,
    userId: string | null,
    id: string,
    lock = false,
  ): Promise<ApiToken> {
    const token = await this.tokens.find(id, userId, m, lock);
    if (!token) throw notFound('API token');
    return token;
  }

  private serverRateLimits() {
    return { perMinute: this.config.tokenRatePerMinute, perHour: this.config.tokenRatePerHour };
  }

  private view(token: ApiToken): TokenDto {
    return TokenDto.from(token, this.lastUsed.unwritten(token.id));
  }
}

const DAY_MS = 86_400_000;

/**
 * The write, with a clash on the unique index of active names as a 409: the index, not a
 * check before it, decides between concurrent creates and renames.
 */
async function nameChecked<T>(write: Promise<T>, name: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (
      error instanceof QueryFailedError &&
      (error.driverError as { constraint?: string }).constraint === ACTIVE_NAME_INDEX
    ) {
      throw new DomainError(
        'TokenNameTaken',
        `You already have an active API token named ${JSON.stringify(name)}; choose another name`,
      );
    }
    throw error;
  }
}

/** The API token a request was made with; a session token has none (400). */
function currentTokenOf(principal: AuthPrincipal): string {
  if (!principal.tokenId) {
    throw new DomainError(
      'BadRequest',
      'This request was made with a session token, not an API token',
    );
  }
  return principal.tokenId;
}

/** What an Idempotency-Key is bound to: the body, with lists in a canonical order. */
function idempotentRequest(input: CreateTokenDto): Record<string, unknown> {
  return {
    ...input,
    scopes: [...input.scopes].sort(),
    ...(input.allowedIps ? { allowedIps: canonicalIps(input.allowedIps).sort() } : {}),
  };
}

function createdEvent(token: ApiToken) {
  return {
    action: 'token.created' as const,
    targetType: 'token' as const,
    targetId: token.id,
    ownerId: token.userId,
    details: {
      name: token.name,
      scopes: token.scopes,
      expiresAt: token.expiresAt?.toISOString() ?? null,
      ...(token.rotatedFromId ? { rotatedFromId: token.rotatedFromId } : {}),
    },
  };
}
