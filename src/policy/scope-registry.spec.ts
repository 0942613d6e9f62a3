import { ROLE_SCOPES, SCOPES } from '../common/auth/scopes.js';
import { ScopeRegistry } from './scope-registry.js';

describe('ScopeRegistry', () => {
  const registry = new ScopeRegistry([
    { name: 'projects:read', description: 'Read projects', roles: ['user', 'admin'] },
    { name: 'billing:manage', description: 'Manage billing', roles: ['admin'] },
  ]);

  it('lists the built-in scopes first, then the custom ones, with descriptions', () => {
    expect(registry.names()).toEqual([...SCOPES, 'projects:read', 'billing:manage']);
    expect(registry.get('projects:read')).toEqual({
      name: 'projects:read',
      description: 'Read projects',
      roles: ['user', 'admin'],
      builtIn: false,
      adminOnly: false,
    });
    expect(registry.get('tokens:read')).toMatchObject({ builtIn: true, adminOnly: false });
    expect(registry.get('admin')).toMatchObject({
      builtIn: true,
      adminOnly: true,
      roles: ['admin'],
    });
    expect(registry.all().every((scope) => scope.description.length > 0)).toBe(true);
  });

  it('knows built-in and custom scopes and nothing else', () => {
    expect(registry.isKnown('tokens:write')).toBe(true);
    expect(registry.isKnown('billing:manage')).toBe(true);
    expect(registry.isKnown('billing:read')).toBe(false);
    expect(registry.isBuiltIn('tokens:write')).toBe(true);
    expect(registry.isBuiltIn('projects:read')).toBe(false);
    expect(registry.unknown(['tokens:read', 'x:y', 'projects:read', 'z:z'])).toEqual([
      'x:y',
      'z:z',
    ]);
  });

  it('gives each role its built-in scopes plus the custom ones it may hold', () => {
    expect(registry.scopesOf('user')).toEqual([...ROLE_SCOPES.user, 'projects:read']);
    expect(registry.scopesOf('admin')).toEqual([
      ...ROLE_SCOPES.admin,
      'projects:read',
      'billing:manage',
    ]);
    expect(registry.mayHold('user', 'billing:manage')).toBe(false);
    expect(registry.mayHold('admin', 'billing:manage')).toBe(true);
    expect(registry.mayHold('user', 'admin')).toBe(false);
    expect(registry.mayHold('user', 'unknown:scope')).toBe(false);
    expect(registry.get('billing:manage')?.adminOnly).toBe(true);
  });

  it('without custom scopes, is exactly the built-in set', () => {
    const builtIn = new ScopeRegistry();
    expect(builtIn.names()).toEqual([...SCOPES]);
    expect(builtIn.scopesOf('user')).toEqual([...ROLE_SCOPES.user]);
  });

  it('refuses a custom scope declared twice or named like a built-in one', () => {
    const scope = { name: 'a:b', description: 'x', roles: ['user'] as const };
    expect(() => new ScopeRegistry([scope, scope])).toThrow('Scope a:b is declared twice');
    expect(() => new ScopeRegistry([{ ...scope, name: 'tokens:read' }])).toThrow(
      'Scope tokens:read is declared twice',
    );
  });
});
