import { DomainError } from '../common/errors/domain-error.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { ScopeRegistry } from '../policy/scope-registry.js';
import type { ImportOrg } from './import-orgs.js';

/**
 * The checks of an import row naming `ownerOrg`, as an org token's creation makes them: the
 * organization's policy on the token, and scopes its creator may grant. Over the API the
 * importing credential is the creator (its scopes are checked with every row's); the CLI has
 * none, so an organization's token it imports holds only scopes the role `user` may hold.
 */
export class OrgRowChecks {
  /** Active tokens per organization: those there, and those this import adds. */
  private readonly active = new Map<string, number>();

  constructor(
    private readonly registry: ScopeRegistry,
    private readonly maxTokensPerOrg: number,
    private readonly importer: Pick<AuthPrincipal, 'role' | 'scopes'> | undefined,
    private readonly now: number,
  ) {}

  /** Why the organization may not have this token (null: it may). */
  problem(
    token: { scopes: readonly string[]; expiresAt: Date | null },
    org: ImportOrg,
  ): string | null {
    if (!this.importer) {
      const denied = token.scopes.filter((scope) => !this.registry.mayHold('user', scope));
      if (denied.length > 0) {
        return `an organization's token imported from the command line may hold only scopes of the role user, not: ${denied.join(', ')}`;
      }
    }
    try {
      // Imported tokens have no allowlist: requireIpAllowlist refuses them all.
      org.check({ scopes: token.scopes, allowedIps: [], expiresAt: token.expiresAt }, this.now);
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
    return null;
  }

  /** Counts the active tokens the organizations have before the import. */
  countExisting(orgIds: readonly string[]): void {
    for (const orgId of orgIds) this.active.set(orgId, (this.active.get(orgId) ?? 0) + 1);
  }

  /**
   * One more active token for `orgId`: null when MAX_TOKENS_PER_ORG allows it (and it is
   * counted), or why not.
   */
  take(orgId: string): string | null {
    const n = this.active.get(orgId) ?? 0;
    if (n >= this.maxTokensPerOrg) {
      return `the organization has ${n} active API tokens, the most allowed (${this.maxTokensPerOrg}, MAX_TOKENS_PER_ORG)`;
    }
    this.active.set(orgId, n + 1);
    return null;
  }
}
