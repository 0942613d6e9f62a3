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

/** The resources of the built-in scopes (`tokens`, `sessions`, `profile`). */
type BuiltInResource = Scope extends infer S
  ? S extends `${infer Resource}:${string}`
    ? Resource
    : never
  : never;

/**
 * `S` when it may be required by a route: a built-in scope, or a `resource:action` of a resource
 * that is not Tessera's own. Anything else becomes a message type, so that a typo such as
 * `'tokens:raed'` fails to compile with that message.
 */
export type CheckedScope<S extends string> = S extends Scope
  ? S
  : S extends `${BuiltInResource}:${string}`
    ? `not a built-in scope: ${S}`
    : S extends `${string}:${string}`
      ? S
      : `neither a built-in scope nor resource:action: ${S}`;

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
