import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import type { ApiToken } from './api-token.entity.js';
import {
  ApiTokensRepository,
  type SqlCondition,
  type TokenOwner,
  type TokenOwnerRef,
} from './api-tokens.repository.js';
import type { ListTokensQuery } from './dto/token-queries.dto.js';
import {
  TokenDto,
  type AdminTokenDto,
  type AdminTokenPageDto,
  type TokenPageDto,
} from './dto/token-view.dto.js';
import { LastUsedTracker } from './last-used.tracker.js';
import { TokenQuotas } from '../usage/token-quotas.js';
import type { Quota } from '../usage/quota-period.js';
import { currentTokenOf } from './token-policy.js';
import { quotaView } from './token-quota-view.js';

/**
 * Reading tokens: lists (an owner's, or every user's for admins), one token, the token of the
 * request, and counts. Also the one way the other use cases find a named token and show it.
 */
@Injectable()
export class TokenReadsService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly lastUsed: LastUsedTracker,
    private readonly quotas: TokenQuotas,
  ) {}

  /** Tokens of every user, for admins: each with its owner. */
  async listAll(query: ListTokensQuery): Promise<AdminTokenPageDto> {
    const page = await this.tokens.list(null, {
      status: query.status ?? 'active',
      expiringWithinDays: query.expiringWithinDays,
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    const items = page.items.map((token): AdminTokenDto => ({
      ...this.view(token),
      userId: token.userId,
      ...(token.orgId ? { orgId: token.orgId } : {}),
    }));
    return {
      items: await Promise.all(items.map((view, i) => this.withQuota(view, page.items[i]))),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * `outOfPolicy`: a condition on `t` of tokens breaking their organization's policy;
   * `defaultQuota`: the quota of a token without its own (its organization's policy).
   */
  async list(
    owner: TokenOwner,
    query: ListTokensQuery,
    outOfPolicy?: SqlCondition,
    defaultQuota?: Quota,
  ): Promise<TokenPageDto> {
    const page = await this.tokens.list(owner, {
      outOfPolicy,
      status: query.status ?? 'active',
      expiringWithinDays: query.expiringWithinDays,
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    return {
      items: await Promise.all(
        page.items.map((token) => this.withQuota(this.view(token), token, defaultQuota)),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** `defaultQuota`: the quota of a token without its own (its organization's policy). */
  async get(owner: TokenOwner, id: string, defaultQuota?: Quota): Promise<TokenDto> {
    const token = await this.find(this.tokens.manager, owner, id);
    return this.withQuota(this.view(token), token, defaultQuota);
  }

  /**
   * The token that authenticated the request, from the state it was verified against: any
   * change to the token drops that state on every instance before the change is answered.
   */
  async current(principal: AuthPrincipal): Promise<TokenDto> {
    const id = currentTokenOf(principal);
    if (!principal.token) return this.get(userIdOf(principal), id);
    const view = TokenDto.fromRecord(id, principal.token, this.lastUsed.unwritten(id));
    const quota = principal.token.quota;
    if (quota === null) return view;
    // The quota after this very request, when it was charged; else read from its counter.
    const state = principal.quota ?? (await this.quotas.state(principal.token.lineageId, quota));
    view.quota = quotaView(quota, quota.limit - state.remaining);
    return view;
  }

  /** How many active tokens each of these users holds (absent: none). */
  countActive(userIds: readonly string[]): Promise<Map<string, number>> {
    return this.tokens.countActiveByUser(userIds);
  }

  /** Owner and name of these tokens, by id (absent: deleted). */
  ownersOf(ids: readonly string[]): Promise<Map<string, { userId: string; name: string }>> {
    return ids.length === 0
      ? Promise.resolve(new Map<string, { userId: string; name: string }>())
      : this.tokens.ownersOf(ids);
  }

  /**
   * The ids of the active tokens among these hashes: of `tsr_` secrets issued here, and of
   * imported (legacy) secrets, each matched only against tokens of its own form.
   */
  activeIdsByHash(issued: Buffer[], imported: Buffer[] = []): Promise<string[]> {
    return issued.length + imported.length === 0
      ? Promise.resolve([])
      : this.tokens.activeIdsByHash(issued, imported);
  }

  /**
   * A token of `userId` (any user's when null), its row locked when `lock`; another user's is
   * "not found" too.
   */
  async find(m: EntityManager, owner: TokenOwnerRef, id: string, lock = false): Promise<ApiToken> {
    const token = await this.tokens.find(id, owner, m, lock);
    if (!token) throw notFound('API token');
    return token;
  }

  /**
   * The view with the token's quota and what it has left now (read from its counter, never
   * charged); the view as it is for a token without a quota. Not inside a transaction.
   */
  async withQuota<T extends TokenDto>(
    view: T,
    token: Pick<ApiToken, 'id' | 'quotaLimit' | 'quotaPeriod' | 'lineageId'>,
    defaultQuota?: Quota,
  ): Promise<T> {
    const quota =
      token.quotaLimit !== null && token.quotaPeriod !== null
        ? { limit: token.quotaLimit, period: token.quotaPeriod }
        : defaultQuota;
    if (!quota) return view;
    const state = await this.quotas.state(token.lineageId ?? token.id, quota);
    view.quota = quotaView(quota, quota.limit - state.remaining);
    return view;
  }

  /** The owner's view of a token, with a last use not written yet. */
  view(token: ApiToken): TokenDto {
    return TokenDto.from(token, this.lastUsed.unwritten(token.id));
  }
}
