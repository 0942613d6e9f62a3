import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROLES, isScope, type Role } from '../common/auth/scopes.js';
import { ORG_SEGMENT, globProblem } from './path-glob.js';
import { PolicyFileError } from './policy-file.error.js';
import {
  EMPTY_POLICY,
  HTTP_METHODS,
  UNMATCHED_RULES,
  type CustomScope,
  type HttpMethod,
  type Policy,
  type RouteRule,
  type UnmatchedRule,
} from './policy.types.js';
import { RouteMatcher } from './route-matcher.js';
import { ScopeRegistry } from './scope-registry.js';

/** Larger files are refused unread: a policy is a few kilobytes. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;

/** `resource:action`, lowercase letters, digits, `_`, `-` and `.` on each side. */
export const CUSTOM_SCOPE_NAME = /^[a-z0-9_.-]+:[a-z0-9_.-]+$/;
const MAX_SCOPE_NAME_LENGTH = 100;
const MAX_DESCRIPTION_LENGTH = 500;

export type PolicyFormat = 'json' | 'yaml';

/** The injection token of the whole {@link LoadedPolicy} (see policy.module.ts). */
export const LOADED_POLICY = Symbol('LoadedPolicy');

/** A policy ready to use: its scopes as a registry and its routes compiled. */
export interface LoadedPolicy {
  /** The file it came from; undefined without POLICY_FILE. */
  readonly file: string | undefined;
  readonly policy: Policy;
  readonly scopes: ScopeRegistry;
  readonly routes: RouteMatcher;
}

/**
 * Reads, validates and compiles `file` (the value of POLICY_FILE); without a file, the built-in
 * scopes and no route rules.
 * @throws PolicyFileError naming the file, each bad entry and its problem.
 */
export function loadPolicy(file: string | undefined): LoadedPolicy {
  const policy = file ? loadPolicyFile(file) : EMPTY_POLICY;
  return {
    file,
    policy,
    scopes: new ScopeRegistry(policy.scopes),
    routes: new RouteMatcher(policy.routes, policy),
  };
}

/**
 * Reads and validates a policy file: JSON for `.json`, YAML for `.yaml` and `.yml`.
 * @throws PolicyFileError naming the file, each bad entry and its problem.
 */
export function loadPolicyFile(file: string): Policy {
  const format = formatOf(file);
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_POLICY_FILE_BYTES) {
      throw new PolicyFileError(file, [`is larger than ${MAX_POLICY_FILE_BYTES} bytes`]);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof PolicyFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code;
    throw new PolicyFileError(file, [`cannot be read: ${reason ?? String(error)}`]);
  }
  return parsePolicy(decodeUtf8(bytes, file), format, file);
}

/**
 * The file's text. Invalid UTF-8 is refused rather than replaced with U+FFFD: a replaced byte
 * could silently change a path or a scope name into one nobody wrote.
 */
function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PolicyFileError(file, ['is not valid UTF-8']);
  }
}

/** The format a file name says, by extension. */
export function formatOf(file: string): PolicyFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  throw new PolicyFileError(file, [
    `unknown extension ${JSON.stringify(extension)}: use .json, .yaml or .yml`,
  ]);
}

/**
 * Parses and validates the text of a policy file; `file` only names it in messages.
 * @throws PolicyFileError
 */
export function parsePolicy(text: string, format: PolicyFormat, file: string): Policy {
  let data: unknown;
  try {
    // YAML 1.2 core schema: no custom tags, duplicate keys refused, alias expansion capped.
    data = format === 'json' ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PolicyFileError(file, [`is not valid ${format.toUpperCase()}: ${detail}`]);
  }
  return validatePolicy(data, file);
}

/**
 * Checks parsed policy data and gives its typed form.
 * @throws PolicyFileError listing every problem found
 */
export function validatePolicy(data: unknown, file: string): Policy {
  const problems: string[] = [];
  if (!isObject(data)) {
    throw new PolicyFileError(file, ['must be an object with "scopes" and/or "routes"']);
  }
  unknownKeys(data, ['scopes', 'routes', 'caseSensitive', 'unmatched'], '', problems);
  const caseSensitive = data.caseSensitive ?? false;
  if (typeof caseSensitive !== 'boolean') problems.push('caseSensitive: must be true or false');
  const unmatched = data.unmatched ?? 'deny';
  if (!(UNMATCHED_RULES as readonly unknown[]).includes(unmatched)) {
    problems.push(
      `unmatched: ${JSON.stringify(unmatched)} must be one of ${UNMATCHED_RULES.map((rule) => `"${rule}"`).join(', ')}`,
    );
  }
  const scopes = readScopes(data.scopes, problems);
  // Every name the file declares, valid or not, so a bad declaration is reported once.
  const known = new Set<string>(
    (Array.isArray(data.scopes) ? (data.scopes as unknown[]) : [])
      .map((entry) => (isObject(entry) ? entry.name : undefined))
      .filter((name): name is string => typeof name === 'string'),
  );
  const routes = readRoutes(data.routes, known, problems);
  if (problems.length > 0) throw new PolicyFileError(file, problems);
  return {
    scopes,
    routes,
    caseSensitive: caseSensitive as boolean,
    unmatched: unmatched as UnmatchedRule,
  };
}

function readScopes(value: unknown, problems: string[]): CustomScope[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('scopes: must be a list');
    return [];
  }
  const scopes: CustomScope[] = [];
  const seen = new Map<string, number>();
  value.forEach((entry: unknown, index) => {
    const at = `scopes[${index}]`;
    if (!isObject(entry)) return void problems.push(`${at}: must be an object`);
    unknownKeys(entry, ['name', 'description', 'roles'], at, problems);
    const { name, description } = entry;
    let ok = true;
    const fail = (problem: string) => {
      problems.push(problem);
      ok = false;
    };
    if (typeof name !== 'string') fail(`${at}.name: must be a string`);
    else if (name.length > MAX_SCOPE_NAME_LENGTH)
      fail(`${at}.name: must be at most ${MAX_SCOPE_NAME_LENGTH} characters`);
    else if (!CUSTOM_SCOPE_NAME.test(name))
      fail(
        `${at}.name: ${JSON.stringify(name)} must be lowercase "resource:action" of letters, digits, "_", "-" and "."`,
      );
    else if (isScope(name)) fail(`${at}.name: ${JSON.stringify(name)} is a built-in scope`);
    else if (seen.has(name))
      fail(`${at}.name: ${JSON.stringify(name)} is already declared by scopes[${seen.get(name)}]`);
    if (typeof description !== 'string' || description.trim() === '')
      fail(`${at}.description: must be a non-empty string`);
    else if (description.length > MAX_DESCRIPTION_LENGTH)
      fail(`${at}.description: must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
    const roles = readRoles(entry.roles, `${at}.roles`, fail);
    if (typeof name === 'string' && !seen.has(name)) seen.set(name, index);
    if (ok) scopes.push({ name: name as string, description: description as string, roles });
  });
  return scopes;
}

function readRoles(value: unknown, at: string, fail: (problem: string) => void): Role[] {
  if (value === undefined) return [...ROLES];
  if (!Array.isArray(value) || value.length === 0) {
    fail(`${at}: must be a non-empty list of roles (${ROLES.join(', ')})`);
    return [];
  }
  const roles: Role[] = [];
  value.forEach((role: unknown, index) => {
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      fail(`${at}[${index}]: ${JSON.stringify(role)} is not a role (${ROLES.join(', ')})`);
    } else if (roles.includes(role as Role)) {
      fail(`${at}[${index}]: ${JSON.stringify(role)} is listed twice`);
    } else {
      roles.push(role as Role);
    }
  });
  return roles;
}

function readRoutes(value: unknown, customScopes: Set<string>, problems: string[]): RouteRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('routes: must be a list');
    return [];
  }
  const routes: RouteRule[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `routes[${index}]`;
    if (!isObject(entry)) return void problems.push(`${at}: must be an object`);
    unknownKeys(entry, ['method', 'path', 'public', 'scopes', 'orgRole'], at, problems);
    const before = problems.length;

    let method: HttpMethod | '*' = '*';
    if (entry.method !== undefined) {
      const upper = typeof entry.method === 'string' ? entry.method.toUpperCase() : undefined;
      if (upper === '*' || (HTTP_METHODS as readonly string[]).includes(upper ?? '')) {
        method = upper as HttpMethod | '*';
      } else {
        problems.push(
          `${at}.method: ${JSON.stringify(entry.method)} must be "*" or one of ${HTTP_METHODS.join(', ')}`,
        );
      }
    }

    const path = entry.path;
    if (typeof path !== 'string') problems.push(`${at}.path: must be a string`);
    else {
      const problem = globProblem(path);
      if (problem) problems.push(`${at}.path: ${JSON.stringify(path)} ${problem}`);
    }

    const isPublic = entry.public;
    if (isPublic !== undefined && typeof isPublic !== 'boolean') {
      problems.push(`${at}.public: must be true or false`);
    }
    let scopes: string[] = [];
    if (isPublic === true && entry.scopes !== undefined) {
      problems.push(`${at}: a public route cannot also require scopes`);
    } else if (isPublic !== true && entry.scopes === undefined) {
      problems.push(`${at}: needs "public": true or a list of "scopes"`);
    } else if (entry.scopes !== undefined) {
      scopes = readRouteScopes(entry.scopes, `${at}.scopes`, customScopes, problems);
    }

    const orgRole = readOrgRole(entry, path, isPublic === true, at, problems);

    if (problems.length === before) {
      routes.push({
        index,
        method,
        path: path as string,
        public: isPublic === true,
        scopes,
        ...(orgRole ? { orgRole } : {}),
      });
    }
  });
  return routes;
}

const ORG_ROLES = ['member', 'admin', 'owner'] as const;

/**
 * An organization's route: a path with an `{org}` segment, and the role it needs (`member` by
 * default). Undefined for other routes.
 */
function readOrgRole(
  entry: Record<string, unknown>,
  path: unknown,
  isPublic: boolean,
  at: string,
  problems: string[],
): RouteRule['orgRole'] {
  const hasOrg = typeof path === 'string' && path.split('/').includes(ORG_SEGMENT);
  if (entry.orgRole !== undefined && !(ORG_ROLES as readonly unknown[]).includes(entry.orgRole)) {
    problems.push(`${at}.orgRole: must be one of ${ORG_ROLES.join(', ')}`);
    return undefined;
  }
  if (!hasOrg) {
    if (entry.orgRole !== undefined) {
      problems.push(`${at}.orgRole: only a path with an ${ORG_SEGMENT} segment takes one`);
    }
    return undefined;
  }
  if (isPublic) {
    problems.push(`${at}: a public route cannot name an organization (${ORG_SEGMENT})`);
    return undefined;
  }
  return (entry.orgRole as RouteRule['orgRole']) ?? 'member';
}

function readRouteScopes(
  value: unknown,
  at: string,
  customScopes: Set<string>,
  problems: string[],
): string[] {
  if (!Array.isArray(value)) {
    problems.push(`${at}: must be a list of scope names`);
    return [];
  }
  const scopes: string[] = [];
  value.forEach((scope: unknown, index) => {
    if (typeof scope !== 'string') {
      problems.push(`${at}[${index}]: must be a string`);
    } else if (!isScope(scope) && !customScopes.has(scope)) {
      problems.push(`${at}[${index}]: ${JSON.stringify(scope)} is not a known scope`);
    } else if (scopes.includes(scope)) {
      problems.push(`${at}[${index}]: ${JSON.stringify(scope)} is listed twice`);
    } else {
      scopes.push(scope);
    }
  });
  return scopes;
}

function unknownKeys(
  entry: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
  problems: string[],
): void {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) {
      problems.push(
        `${at ? `${at}.` : ''}${key}: unknown field (expected ${allowed.map((name) => `"${name}"`).join(', ')})`,
      );
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
