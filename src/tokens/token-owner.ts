import type { EntityManager } from 'typeorm';
import type { ApiToken } from './api-token.entity.js';
import type { TokenOwner } from './api-tokens.repository.js';

/**
 * An organization as the owner of a token being made or changed. The organizations module
 * provides it; the token use cases call it inside their transaction, so that the token module
 * needs to know nothing of organizations but their id.
 */
export interface OrgTokenTarget {
  orgId: string;
  /**
   * First thing in the use case's transaction: locks the organization's row (the lock order of
   * the organizations module) and checks that the caller still may act on its tokens.
   */
  prepare(m: EntityManager): Promise<void>;
  /** The organization's policy on the token as it will be (400 naming the rule broken). */
  check(token: PolicyFacts, now: number): void;
}

/** What an organization's policy judges of a token. */
export interface PolicyFacts {
  scopes: readonly string[];
  allowedIps: readonly string[];
  expiresAt: Date | null;
}

/** Who owns `token`, as the repository's queries take it. */
export function ownerOf(token: Pick<ApiToken, 'userId' | 'orgId'>): TokenOwner {
  return token.orgId ? { orgId: token.orgId } : token.userId!;
}
