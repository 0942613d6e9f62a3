import {
  MAX_REQUEST_PATH_LENGTH,
  compileGlob,
  globProblem,
  normaliseRequestPath,
} from './path-glob.js';

const matches = (glob: string, path: string) => compileGlob(glob).test(path);

describe('compileGlob', () => {
  it('matches a literal path exactly', () => {
    expect(matches('/health', '/health')).toBe(true);
    expect(matches('/health', '/health/x')).toBe(false);
    expect(matches('/health', '/healthz')).toBe(false);
  });

  it('lets * match exactly one segment', () => {
    expect(matches('/projects/*', '/projects/1')).toBe(true);
    expect(matches('/projects/*', '/projects')).toBe(false);
    expect(matches('/projects/*', '/projects/1/tasks')).toBe(false);
    expect(matches('/projects/*/tasks', '/projects/42/tasks')).toBe(true);
  });

  it('lets * inside a segment match within that segment only', () => {
    expect(matches('/files/*.json', '/files/a.json')).toBe(true);
    expect(matches('/files/*.json', '/files/.json')).toBe(true);
    expect(matches('/files/*.json', '/files/a/b.json')).toBe(false);
    expect(matches('/files/*.json', '/files/ajson')).toBe(false);
  });

  it('lets ** match any number of segments, none included', () => {
    expect(matches('/public/**', '/public')).toBe(true);
    expect(matches('/public/**', '/public/a')).toBe(true);
    expect(matches('/public/**', '/public/a/b/c')).toBe(true);
    expect(matches('/public/**', '/publicity')).toBe(false);
    expect(matches('/a/**/z', '/a/z')).toBe(true);
    expect(matches('/a/**/z', '/a/b/c/z')).toBe(true);
    expect(matches('/a/**/z', '/a/b/c/zz')).toBe(false);
  });

  it('lets /** and / cover the root', () => {
    expect(matches('/**', '/')).toBe(true);
    expect(matches('/**', '/anything/at/all')).toBe(true);
    expect(matches('/', '/')).toBe(true);
    expect(matches('/', '/a')).toBe(false);
  });

  it('treats regular-expression characters in a glob as literal text', () => {
    expect(matches('/v1.0/(x)+', '/v1.0/(x)+')).toBe(true);
    expect(matches('/v1.0/(x)+', '/v1x0/xx')).toBe(false);
    expect(matches('/a$b', '/a$b')).toBe(true);
  });

  it('ignores ASCII case by default, so no spelling of a protected path escapes its rule', () => {
    expect(matches('/admin/**', '/Admin/x')).toBe(true);
    expect(matches('/admin/**', '/ADMIN/secret')).toBe(true);
    expect(matches('/Files/*.JSON', '/files/a.json')).toBe(true);
    expect(compileGlob('/admin/**').flags).toBe('i');
  });

  it('matches by exact case when asked to', () => {
    const exact = (glob: string, path: string) =>
      compileGlob(glob, { caseSensitive: true }).test(path);
    expect(exact('/admin/**', '/Admin/x')).toBe(false);
    expect(exact('/admin/**', '/admin/x')).toBe(true);
  });

  it('names what is wrong with a bad glob', () => {
    expect(globProblem('projects/*')).toBe('must start with "/"');
    expect(globProblem('/a**')).toBe('"**" must be a whole segment');
    expect(globProblem('/a/***')).toBe('"**" must be a whole segment');
    expect(globProblem('/a//b')).toMatch(/empty segment/);
    expect(globProblem('/a/')).toMatch(/must not end with "\/"/);
    expect(globProblem('/a/../b')).toMatch(/"\." or "\.\." segments/);
    expect(globProblem('/a?b=1')).toMatch(/must not contain "\?"/);
    expect(globProblem('/a%2fb')).toMatch(/must not contain "%"/);
    expect(globProblem('/a;b')).toMatch(/must not contain ";"/);
    expect(globProblem('/a b')).toMatch(/must not contain " "/);
    expect(globProblem('/a/**/b/*')).toBeUndefined();
    expect(() => compileGlob('nope')).toThrow(/must start with/);
  });
});

describe('normaliseRequestPath', () => {
  const normal = (target: string) => normaliseRequestPath(target);

  it('drops the query string, empty segments and a trailing slash', () => {
    expect(normal('/projects/1?x=/../admin')).toEqual({ ok: true, path: '/projects/1' });
    expect(normal('//projects///1/')).toEqual({ ok: true, path: '/projects/1' });
    expect(normal('/')).toEqual({ ok: true, path: '/' });
    expect(normal('/?q')).toEqual({ ok: true, path: '/' });
  });

  it('decodes each segment once, so an encoded letter cannot dodge a rule', () => {
    expect(normal('/adm%69n/users')).toEqual({ ok: true, path: '/admin/users' });
    expect(normal('/a%20b')).toEqual({ ok: true, path: '/a b' });
    // Decoded once only: what was encoded twice stays encoded once.
    expect(normal('/a%252fb')).toEqual({ ok: true, path: '/a%2fb' });
  });

  it.each([
    ['/public/../admin', 'dot segment'],
    ['/public/./x', 'dot segment'],
    ['/public/%2e%2e/admin', 'dot segment'],
    ['/public/%2E%2e/admin', 'dot segment'],
    ['/public/.%2e/admin', 'dot segment'],
    ['/public%2f..%2fadmin', '"/" inside a segment'],
    ['/public%2Fx', '"/" inside a segment'],
    ['/public\\..\\admin', '"\\\\" inside a segment'],
    ['/public%5c..%5cadmin', '"\\\\" inside a segment'],
    ['/admin;x=1/users', '";" inside a segment'],
    ['/admin%3b/users', '";" inside a segment'],
    ['/a%00b', '"\\u0000" inside a segment'],
    ['/a%0d%0aX-Injected:1', '"\\r" inside a segment'],
    ['/a%zz', 'malformed percent-encoding'],
    ['/a%', 'malformed percent-encoding'],
    ['/a%c0%ae', 'malformed percent-encoding'],
    ['/public#/../admin', 'contains "#"'],
    // Two X-Forwarded-Uri headers, joined by Node: the first copy must not decide.
    ['/public/x, /admin/secret', 'contains ","'],
    ['/public/x,/admin/secret', 'contains ","'],
    ['/a b', 'contains " "'],
    // Letters some servers fold into ASCII ones, which the rules' RegExps would not.
    ['/adm%C4%B1n/x', '"ı" inside a segment'],
    ['/%C4%B0tems', '"İ" inside a segment'],
    ['/%C5%BFecret', '"ſ" inside a segment'],
    ['/%E2%84%AAeys', '"\u212a" inside a segment'],
    ['public/x', 'does not start with "/"'],
    ['http://evil/admin', 'does not start with "/"'],
    ['*', 'does not start with "/"'],
    ['', 'does not start with "/"'],
  ])('refuses %j (%s)', (target, reason) => {
    const result = normal(target);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('refuses a path over the length limit', () => {
    expect(normal('/' + 'a'.repeat(MAX_REQUEST_PATH_LENGTH))).toEqual({
      ok: false,
      reason: 'path is too long',
    });
    expect(normal('/' + 'a'.repeat(MAX_REQUEST_PATH_LENGTH - 1)).ok).toBe(true);
  });
});

describe('an {org} segment in a route glob', () => {
  it('matches one segment and captures it', () => {
    const pattern = compileGlob('/orgs/{org}/projects/**');
    expect(pattern.exec('/orgs/acme/projects/1')?.[1]).toBe('acme');
    expect(pattern.test('/orgs/projects')).toBe(false);
    expect(pattern.test('/orgs/a/b/projects')).toBe(false);
  });

  it('may appear once, and only as a whole segment', () => {
    expect(globProblem('/orgs/{org}/x/{org}')).toMatch(/one \{org\} segment/);
    expect(globProblem('/orgs/x{org}')).toMatch(/must not contain/);
    expect(globProblem('/orgs/{org}')).toBeUndefined();
  });
});
