import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { deriveKey, hmacKey, hmacSha256, open, seal, sha256 } from '../common/crypto/crypto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { randomUUID, type KeyObject } from 'node:crypto';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

/** A record lives this long; after it, the same key starts afresh. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A first request still unanswered after this long is taken to have died with its instance. */
const ABANDONED_AFTER_SECONDS = 60;

/** The right to carry out one request under an Idempotency-Key. */
export interface IdempotencyClaim {
  userId: string;
  keyHash: Buffer;
  sealKey: Buffer;
  claimId: string;
}

export type IdempotencyOutcome =
  { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; status: number; body: unknown };

/**
 * Idempotency-Key for creates (Stripe's semantics): the same key and body within 24 hours
 * replay the first response; a different body is 422; the same key while the first request
 * is still running is 409.
 *
 * The stored response contains a plaintext token. It is sealed (AES-256-GCM) under a key
 * derived from the Idempotency-Key and a server secret, and the key itself is stored only as
 * an HMAC: a copy of the database alone opens nothing.
 */
@Injectable()
export class IdempotencyService {
  private readonly keyHashKey: KeyObject;
  private readonly sealRoot: KeyObject;

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    config: AppConfig,
  ) {
    this.keyHashKey = hmacKey(deriveKey(config.appSecret, 'idempotency-key-hash'));
    this.sealRoot = hmacKey(deriveKey(config.appSecret, 'idempotency-seal'));
  }

  async begin(userId: string, key: string, request: unknown): Promise<IdempotencyOutcome> {
    const scoped = `${userId}\n${key}`;
    const claim: IdempotencyClaim = {
      userId,
      keyHash: hmacSha256(this.keyHashKey, scoped),
      sealKey: hmacSha256(this.sealRoot, scoped),
      claimId: randomUUID(),
    };
    const requestHash = sha256(canonicalJson(request));
    // The user's records past their day go now: they hold sealed secrets nobody may replay.
    await this.keys.deleteExpired(userId, IDEMPOTENCY_TTL_HOURS);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.keys.insert(userId, claim.keyHash, requestHash, claim.claimId)) {
        return { kind: 'claimed', claim };
      }
      const row = await this.keys.find(
        userId,
        claim.keyHash,
        IDEMPOTENCY_TTL_HOURS,
        ABANDONED_AFTER_SECONDS,
      );
      if (!row) continue; // released meanwhile: claim it
      if (row.stale || row.abandoned) {
        // Checked again in the statement: another request may have taken the key meanwhile.
        await this.keys.deleteIfDead(
          userId,
          claim.keyHash,
          IDEMPOTENCY_TTL_HOURS,
          ABANDONED_AFTER_SECONDS,
        );
        continue;
      }
      if (!row.requestHash.equals(requestHash)) {
        throw new DomainError(
          'IdempotencyKeyReused',
          'This Idempotency-Key was used with a different request body',
        );
      }
      if (!row.response || row.responseStatus === null) {
        throw new DomainError(
          'IdempotencyKeyInUse',
          'A request with this Idempotency-Key is still being processed; retry shortly',
        );
      }
      const body = open(claim.sealKey, row.response);
      if (body === null) {
        // Sealed under another APP_SECRET: it can never be replayed, so the key starts afresh.
        await this.keys.deleteWithResponse(userId, claim.keyHash, row.response);
        continue;
      }
      return { kind: 'replay', status: row.responseStatus, body: JSON.parse(body) };
    }
    throw new DomainError(
      'IdempotencyKeyInUse',
      'A request with this Idempotency-Key is still being processed; retry shortly',
    );
  }

  /**
   * Stores the response, in the transaction that made it. Fails, and so rolls that transaction
   * back, when the key is no longer this request's (it ran so long that a retry took it over):
   * one key never makes two tokens.
   */
  async complete(
    m: EntityManager,
    claim: IdempotencyClaim,
    status: number,
    body: unknown,
  ): Promise<void> {
    const updated = await this.keys.complete(
      claim.userId,
      claim.keyHash,
      claim.claimId,
      status,
      seal(claim.sealKey, JSON.stringify(body)),
      m,
    );
    if (!updated) {
      throw new DomainError(
        'IdempotencyKeyInUse',
        'This Idempotency-Key was taken over by a retry of this request; use its response',
      );
    }
  }

  /**
   * Gives the key up after a failed request, so that the client may retry with it (after
   * freeing a slot under the token limit, say).
   */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.keys.release(claim.userId, claim.keyHash, claim.claimId);
  }
}

/** JSON with object keys sorted: the same body written in another key order is the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
