import { compileGlob, normaliseRequestPath } from './path-glob.js';
import type { RouteRule } from './policy.types.js';

export type RouteMatch =
  /** The first rule that matches. */
  | {
      readonly kind: 'rule';
      readonly rule: RouteRule;
      readonly path: string;
      /** The `{org}` segment of the path, for an organization's route. */
      readonly org?: string;
    }
  /** No rule matches: a valid credential is needed, and no scope. */
  | { readonly kind: 'none'; readonly path: string }
  /** A path the matcher will not read (see path-glob.ts): the request must be denied. */
  | { readonly kind: 'refused'; readonly reason: string };

interface CompiledRule {
  readonly rule: RouteRule;
  readonly pattern: RegExp;
}

/**
 * The route rules of a policy, compiled once. Rules are tried in file order and the first
 * match wins. A `GET` rule also covers `HEAD`, since servers answer HEAD with the GET handler.
 */
export class RouteMatcher {
  private readonly compiled: readonly CompiledRule[];

  constructor(routes: readonly RouteRule[]) {
    this.compiled = routes.map((rule) => ({ rule, pattern: compileGlob(rule.path) }));
  }

  get size(): number {
    return this.compiled.length;
  }

  match(method: string, target: string): RouteMatch {
    const normal = normaliseRequestPath(target);
    if (!normal.ok) return { kind: 'refused', reason: normal.reason };
    const upper = method.toUpperCase();
    for (const { rule, pattern } of this.compiled) {
      if (!methodMatches(rule.method, upper)) continue;
      if (rule.orgRole === undefined) {
        if (pattern.test(normal.path)) return { kind: 'rule', rule, path: normal.path };
        continue;
      }
      const found = pattern.exec(normal.path);
      if (found) return { kind: 'rule', rule, path: normal.path, org: found[1] };
    }
    return { kind: 'none', path: normal.path };
  }
}

function methodMatches(ruleMethod: RouteRule['method'], method: string): boolean {
  return ruleMethod === '*' || ruleMethod === method || (ruleMethod === 'GET' && method === 'HEAD');
}
