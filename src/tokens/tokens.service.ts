import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { Scope } from '../common/auth/scopes.js';
import { AppConfig } from '../common/config/app-config.js';
import { sha256 } from '../common/crypto/crypto.js';
import { beforeCursor, decodeCursor, encodeCursor, microseconds } from '../common/http/cursor.js';
import { DomainError, insufficientScope, notFound } from '../common/errors/domain-error.js';
import { tokenEvent } from '../webhooks/webhook-events.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { ApiToken, type TokenRevokeReason } from './api-token.entity.js';
import { IdempotencyService, type IdempotencyClaim } from './idempotency.service.js';
import { allowlistWithin, canonicalAllowedIp } from './ip-allowlist.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { DISPLAY_PREFIX_LENGTH, generateApiToken } from './token-format.js';
import { TokenVerifier } from './token-verifier.service.js';
import {
  MAX_LIFETIME_DAYS,
  TokenDto,
  type CreateTokenDto,
  type CreatedTokenDto,
  type ListTokensQuery,
  type RotatedTokenDto,
  type TokenPageDto,
  type UpdateTokenDto,
} from './dto/token.dto.js';

const DAY_MS = 86_400_000;

/** The API token lifecycle: create, list, read, change, rotate, revoke. */
@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verifier: TokenVerifier,
    private readonly lastUsed: LastUsedTracker,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
  ) {}

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
    assertGrantable(principal, input.scopes);
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
    let expiresAt = this.expiryOf(input, Date.now());
    let allowedIps = canonicalIps(input.allowedIps ?? []);
    const limits = principal.restrictions;
    if (limits) {
      // A token cannot mint its way out of its own limits: what it creates inherits them.
      if (input.allowedIps === undefined) allowedIps = [...limits.allowedIps];
      if (expiresAt === null && limits.endsAt !== null) expiresAt = new Date(limits.endsAt);
      assertWithin(principal, allowedIps, expiresAt);
    }
    const lifetimeDays = limits?.endsAt != null ? null : (input.expiresInDays ?? null);
    return this.dataSource.transaction(async (m) => {
      await this.assertBelowLimit(m, principal.userId);
      const { token, secret } = await this.insert(m, {
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
      await this.webhooks.enqueue([tokenEvent('token.created', token)], m);
      const created: CreatedTokenDto = { ...TokenDto.from(token), token: secret };
      if (claim) await this.idempotency.complete(m, claim, 201, created);
      return created;
    });
  }

  async list(userId: string, query: ListTokensQuery): Promise<TokenPageDto> {
    const limit = query.limit ?? 20;
    const qb = this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .addSelect(microseconds('t.created_at'), 'created_us')
      .where('t.user_id = :userId', { userId });
    switch (query.status ?? 'active') {
      case 'active':
        qb.andWhere('(t.revoked_at IS NULL OR t.revoked_at > now())');
        qb.andWhere('(t.expires_at IS NULL OR t.expires_at > now())');
        break;
      case 'expired':
        qb.andWhere('(t.revoked_at IS NULL OR t.revoked_at > now()) AND t.expires_at <= now()');
        break;
      case 'revoked':
        qb.andWhere('t.revoked_at <= now()');
        break;
    }
    if (query.expiringWithinDays) {
      qb.andWhere('t.expires_at > now() AND t.expires_at <= now() + make_interval(days => :days)', {
        days: query.expiringWithinDays,
      });
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere(beforeCursor('t.created_at', 't.id'), cursor);
    }
    const { entities, raw } = await qb
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ created_us: string }>();
    const more = entities.length > limit;
    const page = entities.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((token) => this.view(token)),
      nextCursor:
        more && last ? encodeCursor({ us: raw[page.length - 1].created_us, id: last.id }) : null,
    };
  }

  async get(userId: string, id: string): Promise<TokenDto> {
    return this.view(await this.find(this.dataSource.manager, userId, id));
  }

  /** The token that authenticated the request. */
  async current(principal: AuthPrincipal): Promise<TokenDto> {
    if (!principal.tokenId) {
      throw new DomainError(
        'BadRequest',
        'This request was made with a session token, not an API token',
      );
    }
    return this.get(principal.userId, principal.tokenId);
  }

  async update(
    principal: AuthPrincipal,
    id: string,
    patch: UpdateTokenDto,
    actor: AuditActor,
  ): Promise<TokenDto> {
    const { token, hash } = await this.dataSource.transaction(async (m) => {
      const token = await this.find(m, principal.userId, id, true);
      assertActive(token, 'changed');
      // An API token changes only tokens no more powerful than itself: no wider scopes, no
      // wider allowlist, no longer life than its own.
      if (principal.tokenId) {
        assertGrantable(principal, token.scopes);
        assertWithin(principal, token.allowedIps, token.expiresAt);
      }
      const changed: string[] = [];
      if (patch.scopes !== undefined) {
        assertGrantable(
          principal,
          patch.scopes.filter((scope) => !token.scopes.includes(scope)),
        );
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
        changed.push('name');
        token.name = patch.name;
      }
      if (patch.description !== undefined && patch.description !== token.description) {
        changed.push('description');
        token.description = patch.description;
      }
      if (changed.length > 0) {
        await m.save(token);
        await this.audit.record(
          actor,
          {
            action: 'token.updated',
            targetType: 'token',
            targetId: token.id,
            ownerId: token.userId,
            details: { changed, scopes: token.scopes, allowedIps: token.allowedIps },
          },
          m,
        );
      }
      return { token, hash: token.tokenHash };
    });
    this.verifier.invalidate([hash]);
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
    const { rotated, oldHash } = await this.dataSource.transaction(async (m) => {
      // The owner's row first, as every path that locks both does.
      await lockOwner(m, principal.userId);
      const old = await this.find(m, principal.userId, id, true);
      assertActive(old, 'rotated');
      assertGrantable(principal, old.scopes);
      const now = Date.now();
      const expiresAt = old.lifetimeDays
        ? new Date(now + old.lifetimeDays * DAY_MS)
        : old.expiresAt;
      // A token rotating itself renews its own expiry policy; rotating another token, it may
      // not hand out a longer life than its own.
      assertWithin(principal, old.allowedIps, principal.tokenId === old.id ? undefined : expiresAt);
      // The old token stays active through its grace period: a chain of rotations must not
      // multiply the active tokens past the limit.
      await this.assertBelowLimit(m, old.userId, old.id);
      const { token, secret } = await this.insert(m, {
        userId: old.userId,
        name: old.name,
        description: old.description,
        scopes: old.scopes,
        allowedIps: old.allowedIps,
        expiresAt,
        lifetimeDays: old.lifetimeDays,
        rotatedFromId: old.id,
      });
      await m.query(
        `UPDATE api_tokens SET revoked_at = now() + make_interval(secs => $2),
                revoke_reason = 'rotated', updated_at = now()
         WHERE id = $1`,
        [old.id, graceSeconds],
      );
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
        m,
      );
      const rotated: RotatedTokenDto = {
        ...TokenDto.from(token),
        token: secret,
        rotatedFromId: old.id,
      };
      return { rotated, oldHash: old.tokenHash };
    });
    this.verifier.invalidate([oldHash]);
    return rotated;
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
    const revoked = await this.dataSource.transaction(async (m) => {
      const rows: { token_hash: Buffer; user_id: string }[][] = await m.query(
        `UPDATE api_tokens SET revoked_at = now(), revoke_reason = $3, updated_at = now()
         WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2)
           AND (revoked_at IS NULL OR revoked_at > now())
         RETURNING token_hash, user_id`,
        [id, ownerId, reason],
      );
      const row = rows[0]?.[0];
      if (row) {
        await this.audit.record(
          actor,
          {
            action: 'token.revoked',
            targetType: 'token',
            targetId: id,
            ownerId: row.user_id,
            details: { reason },
          },
          m,
        );
        if (this.webhooks.enabled) {
          const token = await m.findOneByOrFail(ApiToken, { id });
          await this.webhooks.enqueue([tokenEvent('token.revoked', token, { reason })], m);
        }
      }
      return row;
    });
    if (revoked) {
      this.verifier.invalidate([revoked.token_hash]);
      return;
    }
    await this.find(this.dataSource.manager, ownerId, id);
  }

  /**
   * Locks the owner's row, then counts their active tokens (those in a rotation's grace period
   * included, but for `replacing`): concurrent creates and rotations take turns on the lock, so
   * none of them can pass the limit together.
   */
  private async assertBelowLimit(m: EntityManager, userId: string, replacing?: string) {
    await lockOwner(m, userId);
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM api_tokens
       WHERE user_id = $1 AND id IS DISTINCT FROM $2::uuid
         AND (revoked_at IS NULL OR revoked_at > now())
         AND (expires_at IS NULL OR expires_at > now())`,
      [userId, replacing ?? null],
    );
    if (n >= this.config.maxTokensPerUser) {
      throw new DomainError(
        'TokenLimitReached',
        `You have ${n} active API tokens, the most allowed (${this.config.maxTokensPerUser}); revoke one first`,
      );
    }
  }

  private async insert(
    m: EntityManager,
    fields: Pick<
      ApiToken,
      | 'userId'
      | 'name'
      | 'description'
      | 'scopes'
      | 'allowedIps'
      | 'expiresAt'
      | 'lifetimeDays'
      | 'rotatedFromId'
    >,
  ): Promise<{ token: ApiToken; secret: string }> {
    const secret = generateApiToken();
    const token = await m.save(
      m.create(ApiToken, {
        ...fields,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        tokenHash: sha256(secret),
        lastUsedAt: null,
        lastUsedIp: null,
        revokedAt: null,
        revokeReason: null,
      }),
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
    const qb = m.getRepository(ApiToken).createQueryBuilder('t').where('t.id = :id', { id });
    if (userId) qb.andWhere('t.user_id = :userId', { userId });
    if (lock) qb.setLock('pessimistic_write');
    const token = await qb.getOne();
    if (!token) throw notFound('API token');
    return token;
  }

  private view(token: ApiToken): TokenDto {
    return TokenDto.from(token, this.lastUsed.unwritten(token.id));
  }

  private expiryOf(input: CreateTokenDto, now: number): Date | null {
    if (input.expiresInDays !== undefined && input.expiresAt !== undefined) {
      throw new DomainError('BadRequest', 'Give expiresInDays or expiresAt, not both');
    }
    if (input.expiresInDays !== undefined) return new Date(now + input.expiresInDays * DAY_MS);
    if (input.expiresAt === undefined) return null;
    const at = new Date(input.expiresAt);
    if (at.getTime() <= now) throw new DomainError('BadRequest', 'expiresAt must be in the future');
    if (at.getTime() > now + MAX_LIFETIME_DAYS * DAY_MS) {
      throw new DomainError(
        'BadRequest',
        `expiresAt must be within ${MAX_LIFETIME_DAYS} days from now`,
      );
    }
    return at;
  }
}

/** Serialises a user's token creations and rotations (and their logins, password changes). */
async function lockOwner(m: EntityManager, userId: string): Promise<void> {
  await m.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
}

/** No escalation: a caller grants only scopes it holds itself (admin-only ones need an admin). */
function assertGrantable(principal: AuthPrincipal, scopes: readonly Scope[]): void {
  const missing = scopes.find((scope) => !principal.scopes.includes(scope));
  if (missing) throw insufficientScope(missing);
}

/**
 * An API token's own allowlist and lifetime bound what it creates, changes or rotates: a token
 * restricted to one network cannot make an unrestricted one.
 */
function assertWithin(
  principal: AuthPrincipal,
  allowedIps: readonly string[],
  /** Unchecked when undefined (a PATCH leaves the expiry alone). */
  expiresAt?: Date | null,
): void {
  const limits = principal.restrictions;
  if (!limits) return;
  if (!allowlistWithin(allowedIps, limits.allowedIps)) {
    throw new DomainError(
      'Forbidden',
      'allowedIps must stay within the allowlist of the API token making the request',
    );
  }
  if (
    expiresAt !== undefined &&
    limits.endsAt !== null &&
    (expiresAt === null || expiresAt.getTime() > limits.endsAt)
  ) {
    throw new DomainError(
      'Forbidden',
      'A token made by an API token cannot outlive it: expire it no later than that token',
    );
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

function assertActive(token: ApiToken, what: 'changed' | 'rotated'): void {
  if (token.revokedAt) {
    throw new DomainError(
      'TokenNotActive',
      token.revokeReason === 'rotated'
        ? `This API token was already rotated and cannot be ${what}`
        : `A revoked API token cannot be ${what}`,
    );
  }
  if (token.status() === 'expired') {
    throw new DomainError('TokenNotActive', `An expired API token cannot be ${what}`);
  }
}

function canonicalIps(entries: string[]): string[] {
  return [...new Set(entries.map((entry) => canonicalAllowedIp(entry)!))];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
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
