import { Injectable } from '@nestjs/common';
import type { Role } from '../common/auth/scopes.js';
import { AppConfig } from '../common/config/app-config.js';

export interface SessionState {
  userId: string;
  /** The user's role now: a role change applies to live sessions without a new token. */
  role: Role;
  revoked: boolean;
  /** Epoch ms at which the session ends (the earlier of idle and absolute expiry). */
  endsAt: number;
}

const MAX_ENTRIES = 100_000;

/**
 * What the per-request session check reads: a bounded in-process map from session id to its
 * state, so that a session access token costs no database round trip while its entry is fresh.
 * Revocations in this process drop the entry at once; the TTL bounds how long a revocation
 * made elsewhere (another instance, a manual SQL update) can go unseen.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { state: SessionState | null; until: number }>();
  private readonly ttlMs: number;
  /**
   * Bumped by every invalidation. A load that began before one must not store what it read:
   * it may be the state from just before the revocation.
   */
  private generation = 0;

  constructor(config: AppConfig) {
    this.ttlMs = config.sessionCacheTtlSeconds * 1000;
  }

  async get(
    sessionId: string,
    load: (id: string) => Promise<SessionState | null>,
  ): Promise<SessionState | null> {
    const now = Date.now();
    const hit = this.entries.get(sessionId);
    if (hit && hit.until > now) return hit.state;
    const generation = this.generation;
    const state = await load(sessionId);
    if (generation === this.generation && this.ttlMs > 0) {
      this.entries.delete(sessionId);
      this.entries.set(sessionId, { state, until: now + this.ttlMs });
      if (this.entries.size > MAX_ENTRIES) {
        // Maps iterate in insertion order: the first key is the stalest entry.
        this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    return state;
  }

  invalidate(sessionIds: Iterable<string>): void {
    this.generation++;
    for (const id of sessionIds) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
