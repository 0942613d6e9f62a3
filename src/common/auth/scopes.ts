/** Every scope there is. A typo in a scope name is a compile error. */
export const SCOPES = [
  'tokens:read',
  'tokens:write',
  'sessions:read',
  'sessions:write',
  'profile:read',
  'tokens:introspect',
  'tokens:verify',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];

/**
 * What a route may require: a built-in scope (a typo is a compile error) or one of the
 * deployment's own `resource:action` scopes, which are checked against the policy file at boot.
 */
export type RequiredScope = Scope | `${string}:${string}`;

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'tokens:read': 'List and read your API tokens',
  'tokens:write': 'Create, change, rotate and revoke your API tokens',
  'sessions:read': 'List your login sessions',
  'sessions:write': 'Revoke your login sessions',
  'profile:read': 'Read your profile',
  'tokens:introspect': 'Introspect credentials on behalf of other services (admins only)',
  'tokens:verify': 'Verify credentials as a use on behalf of other services (admins only)',
  admin: 'Administer Tessera (admins only)',
};

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes only an admin may hold or grant. */
export const ADMIN_ONLY_SCOPES: readonly Scope[] = ['tokens:introspect', 'tokens:verify', 'admin'];

/** A session access token carries every scope of its user's role. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  user: SCOPES.filter((scope) => !ADMIN_ONLY_SCOPES.includes(scope)),
  admin: SCOPES,
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
