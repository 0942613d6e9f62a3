import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { sha256 } from '../common/crypto/crypto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { UsersRepository } from '../users/users.repository.js';
import type { ApiToken } from './api-token.entity.js';
import {
  ACTIVE_NAME_INDEX,
  ApiTokensRepository,
  ORG_ACTIVE_NAME_INDEX,
  type NewToken,
  type TokenOwner,
} from './api-tokens.repository.js';
import { ownerOf } from './token-owner.js';
import { DISPLAY_PREFIX_LENGTH, generateApiToken } from './token-format.js';

/**
 * What a create and a rotation share: the owner's limit on active tokens, a fresh secret, the
 * name rule, and the server's rate limits a token's own may only lower. Always inside the
 * transaction of the use case that calls it.
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Locks the owner's row, then counts their active tokens (those in a rotation's grace period
   * included, but for `replacing`): concurrent creates and rotations take turns on the lock, so
   * none of them can pass the limit together.
   */
  async assertBelowLimit(m: EntityManager, owner: TokenOwner, replacing?: string): Promise<void> {
    if (typeof owner !== 'string') {
      // The organization's row is locked already: OrgTokenTarget.prepare, first in the use case.
      const n = await this.tokens.countActive(owner, m, replacing);
      if (n >= this.config.maxTokensPerOrg) {
        throw new DomainError(
          'TokenLimitReached',
          `This organization has ${n} active API tokens, the most allowed (${this.config.maxTokensPerOrg}); revoke one first`,
        );
      }
      return;
    }
    const userId = owner;
    await this.users.lockRow(userId, m);
    const n = await this.tokens.countActive(userId, m, replacing);
    if (n >= this.config.maxTokensPerUser) {
      throw new DomainError(
        'TokenLimitReached',
        `You have ${n} active API tokens, the most allowed (${this.config.maxTokensPerUser}); revoke one first`,
      );
    }
  }

  /** Inserts a token with a fresh secret; the secret is returned this once. */
  async issue(
    m: EntityManager,
    fields: Omit<NewToken, 'prefix' | 'tokenHash'>,
  ): Promise<{ token: ApiToken; secret: string }> {
    const secret = generateApiToken();
    // An expired token of that name gives it up; an active one keeps it (409 below).
    await this.tokens.releaseExpiredName(ownerOf(fields), fields.name, m);
    const token = await nameChecked(
      this.tokens.insert(
        { ...fields, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), tokenHash: sha256(secret) },
        m,
      ),
      fields.name,
    );
    return { token, secret };
  }

  serverRateLimits(): { perMinute: number; perHour: number } {
    return { perMinute: this.config.tokenRatePerMinute, perHour: this.config.tokenRatePerHour };
  }
}

/**
 * The write, with a clash on the unique index of active names as a 409: the index, not a
 * check before it, decides between concurrent creates and renames.
 */
export async function nameChecked<T>(write: Promise<T>, name: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const constraint =
      error instanceof QueryFailedError
        ? (error.driverError as { constraint?: string }).constraint
        : undefined;
    if (constraint === ACTIVE_NAME_INDEX || constraint === ORG_ACTIVE_NAME_INDEX) {
      throw new DomainError(
        'TokenNameTaken',
        `${constraint === ACTIVE_NAME_INDEX ? 'You already have' : 'This organization already has'} an active API token named ${JSON.stringify(name)}; choose another name`,
      );
    }
    throw error;
  }
}

/** The audit event of a token made (by a create or a rotation). */
export function createdEvent(token: ApiToken) {
  return {
    action: 'token.created' as const,
    targetType: 'token' as const,
    targetId: token.id,
    ownerId: token.userId,
    orgId: token.orgId,
    details: {
      name: token.name,
      scopes: token.scopes,
      expiresAt: token.expiresAt?.toISOString() ?? null,
      ...(token.rotatedFromId ? { rotatedFromId: token.rotatedFromId } : {}),
    },
  };
}
