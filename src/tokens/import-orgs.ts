import type { EntityManager } from 'typeorm';
import type { PolicyFacts } from './token-owner.js';

/** An organization named by an import row's `ownerOrg`, as the import reads it. */
export interface ImportOrg {
  id: string;
  slug: string;
  name: string;
  /** The organization's policy on a token (a DomainError naming the rule it breaks). */
  check(token: PolicyFacts, now: number): void;
}

/** Who is told of the tokens imported for an organization: its owners and admins. */
export interface ImportOrgAdmin {
  email: string;
  name: string | null;
}

/**
 * The organizations an import may give tokens to. The organizations module provides it under
 * {@link IMPORT_ORGS} from a global module (the token module knows nothing of organizations but
 * their id); without one, a row naming `ownerOrg` is a row error.
 */
export interface ImportOrgs {
  /**
   * The live organizations these references (ids or slugs, any case) name, keyed by the
   * reference as given; with `lock`, their rows locked in id order (the lock order of the
   * organizations module: after the users' rows, before their tokens').
   */
  find(refs: readonly string[], m: EntityManager, lock: boolean): Promise<Map<string, ImportOrg>>;
  /** The owners and admins of an organization, as its members list shows them. */
  admins(orgId: string, m: EntityManager): Promise<ImportOrgAdmin[]>;
}

export const IMPORT_ORGS = Symbol('ImportOrgs');
