import type { RouteRule } from './policy.types.js';
import { RouteMatcher } from './route-matcher.js';

function rules(...partial: Omit<RouteRule, 'index'>[]): RouteRule[] {
  return partial.map((rule, index) => ({ ...rule, index }));
}

describe('RouteMatcher', () => {
  const matcher = new RouteMatcher(
    rules(
      { method: '*', path: '/public/**', public: true, scopes: [] },
      { method: 'GET', path: '/projects/**', public: false, scopes: ['projects:read'] },
      { method: '*', path: '/projects/**', public: false, scopes: ['projects:write'] },
      { method: 'DELETE', path: '/admin/**', public: false, scopes: ['admin'] },
      { method: '*', path: '/admin/**', public: false, scopes: ['admin:read'] },
    ),
  );
  const indexOf = (method: string, target: string) => {
    const result = matcher.match(method, target);
    return result.kind === 'rule' ? result.rule.index : result.kind;
  };

  it('lets the first matching rule win', () => {
    expect(indexOf('GET', '/projects/1')).toBe(1);
    expect(indexOf('POST', '/projects/1')).toBe(2);
    expect(indexOf('DELETE', '/admin/users/1')).toBe(3);
    expect(indexOf('GET', '/admin/users/1')).toBe(4);
  });

  it('matches methods case-insensitively and lets a GET rule cover HEAD', () => {
    expect(indexOf('get', '/projects/1')).toBe(1);
    expect(indexOf('HEAD', '/projects/1')).toBe(1);
    expect(indexOf('PATCH', '/projects/1')).toBe(2);
    expect(indexOf('PROPFIND', '/projects/1')).toBe(2);
  });

  it('fails closed on a path no rule covers, with its normal form', () => {
    expect(matcher.match('GET', '/elsewhere//x/?a=1')).toEqual({
      kind: 'unmatched',
      path: '/elsewhere/x',
    });
  });

  it('answers none for a path no rule covers when the policy lets it through authenticated', () => {
    const open = new RouteMatcher(rules({ method: '*', path: '/a', public: true, scopes: [] }), {
      unmatched: 'authenticated',
    });
    expect(open.match('GET', '/b')).toEqual({ kind: 'none', path: '/b' });
  });

  it('applies a rule to every spelling of its path, since upstreams may route them alike', () => {
    expect(indexOf('GET', '/ADMIN/secret')).toBe(4);
    expect(indexOf('DELETE', '/Admin/Users/1')).toBe(3);
    expect(indexOf('GET', '/%41dmin/x')).toBe(4);
    expect(indexOf('POST', '/PUBLIC/docs')).toBe(0);
  });

  it('matches by exact case when the policy says caseSensitive', () => {
    const exact = new RouteMatcher(
      rules({ method: '*', path: '/admin/**', public: false, scopes: ['admin'] }),
      { caseSensitive: true },
    );
    expect(exact.match('GET', '/admin/x').kind).toBe('rule');
    expect(exact.match('GET', '/ADMIN/x').kind).toBe('unmatched');
  });

  it('gives the rule and the normal path', () => {
    expect(matcher.match('GET', '/public//docs/?page=2')).toEqual({
      kind: 'rule',
      rule: expect.objectContaining({ index: 0, public: true }),
      path: '/public/docs',
    });
  });

  it('does not let a traversal through a public path reach a protected one', () => {
    for (const target of [
      '/public/../admin/users',
      '/public/%2e%2e/admin/users',
      '/public%2f..%2fadmin/users',
      '/public/..%2fadmin/users',
      '/public\\..\\admin/users',
    ]) {
      expect(matcher.match('GET', target)).toEqual({ kind: 'refused', reason: expect.any(String) });
    }
  });

  it('reads an encoded letter as the letter, so a protected rule still applies', () => {
    expect(indexOf('DELETE', '/%61dmin/users/1')).toBe(3);
    expect(indexOf('GET', '/pro%6Aects/1')).toBe(1);
  });

  it('does not let a trailing slash or doubled slashes skip a rule', () => {
    expect(indexOf('DELETE', '/admin/users/1/')).toBe(3);
    expect(indexOf('DELETE', '//admin//users/1')).toBe(3);
  });

  it('with no rules, matches nothing', () => {
    const empty = new RouteMatcher([]);
    expect(empty.size).toBe(0);
    expect(empty.match('GET', '/')).toEqual({ kind: 'none', path: '/' });
  });
});
