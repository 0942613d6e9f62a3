import type { Role } from '../common/auth/scopes.js';

/** The methods a route rule may name; `*` is any method. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A scope of the deployment's own API, declared in the policy file. */
export interface CustomScope {
  readonly name: string;
  readonly description: string;
  /** The roles that may hold it (every role when the file names none). */
  readonly roles: readonly Role[];
}

/**
 * One route rule. `public` rules need no credential; the others need a valid credential that
 * holds every scope in `scopes` (an empty list: any valid credential).
 */
export interface RouteRule {
  /** Its position in the file's `routes`, for messages and logs. */
  readonly index: number;
  readonly method: HttpMethod | '*';
  readonly path: string;
  readonly public: boolean;
  readonly scopes: readonly string[];
  /**
   * Set when the path holds an `{org}` segment: the credential must be that organization's
   * token, or a user holding at least this role in it.
   */
  readonly orgRole?: 'member' | 'admin' | 'owner';
}

/**
 * What a path no route matches needs when the file declares routes: `deny` refuses it (403),
 * `authenticated` asks for a valid credential and no scope. Without routes every path needs a
 * valid credential.
 */
export const UNMATCHED_RULES = ['deny', 'authenticated'] as const;
export type UnmatchedRule = (typeof UNMATCHED_RULES)[number];

/** A validated policy file. */
export interface Policy {
  readonly scopes: readonly CustomScope[];
  readonly routes: readonly RouteRule[];
  /** Whether paths match by exact case (default: ASCII case is ignored). */
  readonly caseSensitive: boolean;
  readonly unmatched: UnmatchedRule;
}

/** What applies without a policy file: built-in scopes only, no route rules. */
export const EMPTY_POLICY: Policy = {
  scopes: [],
  routes: [],
  caseSensitive: false,
  unmatched: 'deny',
};
