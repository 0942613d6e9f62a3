import {
  ADMIN_ONLY_SCOPES,
  ROLE_SCOPES,
  ROLES,
  SCOPES,
  SCOPE_DESCRIPTIONS,
  isScope,
  type Role,
  type Scope,
} from '../common/auth/scopes.js';
import type { CustomScope } from './policy.types.js';

/** One scope as `GET /scopes` lists it. */
export interface ScopeInfo {
  readonly name: string;
  readonly description: string;
  /** The roles that may hold it. */
  readonly roles: readonly Role[];
  readonly builtIn: boolean;
  /** Only admins may hold or grant it. */
  readonly adminOnly: boolean;
}

/**
 * Every scope there is at run time: the built-in ones (checked at compile time, see
 * common/auth/scopes.ts) followed by the policy file's own (checked when the file is loaded).
 */
export class ScopeRegistry {
  private readonly byName: ReadonlyMap<string, ScopeInfo>;
  private readonly byRole: ReadonlyMap<Role, readonly string[]>;

  /** @throws Error when a custom scope reuses a built-in or another custom scope's name. */
  constructor(custom: readonly CustomScope[] = []) {
    const byName = new Map<string, ScopeInfo>();
    for (const name of SCOPES) byName.set(name, builtIn(name));
    for (const scope of custom) {
      if (byName.has(scope.name)) throw new Error(`Scope ${scope.name} is declared twice`);
      const roles = ROLES.filter((role) => scope.roles.includes(role));
      byName.set(scope.name, {
        name: scope.name,
        description: scope.description,
        roles,
        builtIn: false,
        adminOnly: roles.length === 1 && roles[0] === 'admin',
      });
    }
    this.byName = byName;
    this.byRole = new Map(
      ROLES.map((role) => [
        role,
        [...byName.values()].filter((info) => info.roles.includes(role)).map((info) => info.name),
      ]),
    );
  }

  /** Every scope, built-in ones first, each in declaration order. */
  all(): readonly ScopeInfo[] {
    return [...this.byName.values()];
  }

  names(): readonly string[] {
    return [...this.byName.keys()];
  }

  isKnown(name: string): boolean {
    return this.byName.has(name);
  }

  isBuiltIn(name: string): name is Scope {
    return isScope(name);
  }

  get(name: string): ScopeInfo | undefined {
    return this.byName.get(name);
  }

  /** The scopes a role may hold: what a session access token of that role carries. */
  scopesOf(role: Role): readonly string[] {
    return this.byRole.get(role) ?? [];
  }

  mayHold(role: Role, scope: string): boolean {
    return this.byName.get(scope)?.roles.includes(role) ?? false;
  }

  /** The names in `scopes` that are not known, in order (empty when all are). */
  unknown(scopes: readonly string[]): string[] {
    return scopes.filter((scope) => !this.byName.has(scope));
  }
}

function builtIn(name: Scope): ScopeInfo {
  return {
    name,
    description: SCOPE_DESCRIPTIONS[name],
    roles: ROLES.filter((role) => ROLE_SCOPES[role].includes(name)),
    builtIn: true,
    adminOnly: ADMIN_ONLY_SCOPES.includes(name),
  };
}
