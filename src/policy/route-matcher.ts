import { compileGlob, normaliseRequestPath } from './path-glob.js';
import type { RouteRule, UnmatchedRule } from './policy.types.js';

export type RouteMatch =
  /** The first rule that matches. */
  | {
      readonly kind: 'rule';
      readonly rule: RouteRule;
      readonly path: string;
      /** The `{org}` segment of the path, for an organization's route. */
      readonly org?: string;
    }
  /** No rule matches, and the policy has none or lets such a path through with a credential. */
  | { readonly kind: 'none'; readonly path: string }
  /** No rule matches a policy that declares routes: the request must be refused (403). */
  | { readonly kind: 'unmatched'; readonly path: string }
  /** A path the matcher will not read (see path-glob.ts): the request must be denied. */
  | { readonly kind: 'refused'; readonly reason: string };

export interface RouteMatcherOptions {
  /** Match paths by exact case (default: ASCII case is ignored). */
  readonly caseSensitive?: boolean;
  /** What a path no rule matches gets when there are rules (default: `deny`). */
  readonly unmatched?: UnmatchedRule;
}

interface CompiledRule {
  readonly rule: RouteRule;
  readonly pattern: RegExp;
}

/**
 * The route rules of a policy, compiled once. Rules are tried in file order and the first
 * match wins. A `GET` rule also covers `HEAD`, since servers answer HEAD with the GET handler.
 * When there are rules, a path none of them matches fails closed unless the policy says
 * `"unmatched": "authenticated"`: an upstream route the file forgot is refused, not opened.
 */
export class RouteMatcher {
  private readonly compiled: readonly CompiledRule[];
  private readonly denyUnmatched: boolean;

  constructor(routes: readonly RouteRule[], options: RouteMatcherOptions = {}) {
    const caseSensitive = options.caseSensitive ?? false;
    this.compiled = routes.map((rule) => ({
      rule,
      pattern: compileGlob(rule.path, { caseSensitive }),
    }));
    this.denyUnmatched = routes.length > 0 && (options.unmatched ?? 'deny') === 'deny';
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
    return { kind: this.denyUnmatched ? 'unmatched' : 'none', path: normal.path };
  }
}

function methodMatches(ruleMethod: RouteRule['method'], method: string): boolean {
  return ruleMethod === '*' || ruleMethod === method || (ruleMethod === 'GET' && method === 'HEAD');
}
