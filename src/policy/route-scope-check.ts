import { Inject, Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { REQUIRED_SCOPES } from '../common/auth/bearer-auth.guard.js';
import { API_PREFIX } from '../common/http/openapi.js';
import { PolicyFileError } from './policy-file.error.js';
import { LOADED_POLICY, type LoadedPolicy } from './policy-loader.js';

/**
 * Built-in scopes are checked by the compiler; the ones a route of the deployment's own
 * modules requires (`@Authenticated({ scopes: ['projects:read'] })`) can only be checked once
 * the policy file is read. A scope nobody can be granted would make the route unusable, so the
 * start stops instead.
 */
@Injectable()
export class RouteScopeCheck {
  constructor(
    @Inject(LOADED_POLICY) private readonly policy: LoadedPolicy,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Each route requiring an undeclared scope, as "METHOD /path (Class.method) ... scope". */
  undeclared(): string[] {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || typeof controller !== 'function') continue;
      const classScopes = scopesOf(controller);
      const prototype = controller.prototype as Record<string, object>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const scopes = [...classScopes, ...scopesOf(handler)];
        for (const scope of new Set(scopes)) {
          if (this.policy.scopes.isKnown(scope)) continue;
          problems.push(
            `route ${RequestMethod[method]} ${routePath(controller, handler)} (${controller.name}.${name}) requires the scope ${JSON.stringify(scope)}, which is neither built in nor declared in "scopes"`,
          );
        }
      }
    }
    return problems;
  }

  /** @throws PolicyFileError naming every route whose scope is not declared (exit 78). */
  assertDeclared(): void {
    const problems = this.undeclared();
    if (problems.length > 0) {
      throw new PolicyFileError(this.policy.file ?? '(none: POLICY_FILE is not set)', problems);
    }
  }
}

function scopesOf(target: object): readonly string[] {
  const scopes: unknown = Reflect.getMetadata(REQUIRED_SCOPES, target);
  return Array.isArray(scopes) ? (scopes as string[]) : [];
}

function routePath(controller: object, handler: object): string {
  const parts = [API_PREFIX, pathOf(controller), pathOf(handler)]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '');
  return `/${parts.join('/')}`;
}

function pathOf(target: object): string {
  const path: unknown = Reflect.getMetadata(PATH_METADATA, target);
  return Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path : '';
}
