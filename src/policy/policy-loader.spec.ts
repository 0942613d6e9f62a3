import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyFileError } from './policy-file.error.js';
import { loadPolicy, loadPolicyFile, parsePolicy, validatePolicy } from './policy-loader.js';

const EXAMPLE = {
  scopes: [
    { name: 'projects:read', description: 'Read projects' },
    { name: 'projects:write', description: 'Create and change projects' },
    { name: 'billing:manage', description: 'Manage billing', roles: ['admin'] },
  ],
  routes: [
    { path: '/public/**', public: true },
    { method: 'GET', path: '/projects/**', scopes: ['projects:read'] },
    { method: '*', path: '/projects/**', scopes: ['projects:write'] },
  ],
};

const EXAMPLE_YAML = `# the same policy as YAML
scopes:
  - name: projects:read
    description: Read projects
  - name: projects:write
    description: Create and change projects
  - name: billing:manage
    description: Manage billing
    roles: [admin]
routes:
  - path: /public/**
    public: true
  - method: GET
    path: /projects/**
    scopes: [projects:read]
  - method: "*"
    path: /projects/**
    scopes: [projects:write]
`;

/** The problems validation reports for `data`, or [] when it passes. */
function problemsOf(data: unknown): readonly string[] {
  try {
    validatePolicy(data, 'policy.json');
    return [];
  } catch (error) {
    if (error instanceof PolicyFileError) return error.problems;
    throw error;
  }
}

describe('policy file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-policy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads the contract example from JSON into typed scopes and routes', () => {
    const policy = loadPolicyFile(write('policy.json', JSON.stringify(EXAMPLE)));
    expect(policy.scopes).toEqual([
      { name: 'projects:read', description: 'Read projects', roles: ['user', 'admin'] },
      {
        name: 'projects:write',
        description: 'Create and change projects',
        roles: ['user', 'admin'],
      },
      { name: 'billing:manage', description: 'Manage billing', roles: ['admin'] },
    ]);
    expect(policy.routes).toEqual([
      { index: 0, method: '*', path: '/public/**', public: true, scopes: [] },
      { index: 1, method: 'GET', path: '/projects/**', public: false, scopes: ['projects:read'] },
      { index: 2, method: '*', path: '/projects/**', public: false, scopes: ['projects:write'] },
    ]);
  });

  it('reads the same policy from .yaml and .yml', () => {
    const json = loadPolicyFile(write('same.json', JSON.stringify(EXAMPLE)));
    expect(loadPolicyFile(write('policy.yaml', EXAMPLE_YAML))).toEqual(json);
    expect(loadPolicyFile(write('policy.YML', EXAMPLE_YAML))).toEqual(json);
  });

  it('compiles a loaded policy into a registry and a matcher', () => {
    const loaded = loadPolicy(write('loaded.json', JSON.stringify(EXAMPLE)));
    expect(loaded.scopes.isKnown('projects:read')).toBe(true);
    expect(loaded.scopes.mayHold('user', 'billing:manage')).toBe(false);
    const match = loaded.routes.match('POST', '/projects/7');
    expect(match.kind === 'rule' && match.rule.scopes).toEqual(['projects:write']);
  });

  it('without a file, has only the built-in scopes and no routes', () => {
    const loaded = loadPolicy(undefined);
    expect(loaded.file).toBeUndefined();
    expect(loaded.policy).toEqual({
      scopes: [],
      routes: [],
      caseSensitive: false,
      unmatched: 'deny',
    });
    expect(loaded.scopes.all().every((scope) => scope.builtIn)).toBe(true);
    // No routes: every path needs a valid credential, none is refused unread.
    expect(loaded.routes.match('GET', '/anything')).toEqual({ kind: 'none', path: '/anything' });
  });

  it('accepts an empty object', () => {
    expect(loadPolicyFile(write('empty.json', '{}'))).toEqual({
      scopes: [],
      routes: [],
      caseSensitive: false,
      unmatched: 'deny',
    });
  });

  it('refuses a path no route matches, and ignores case, unless the file says otherwise', () => {
    const strict = loadPolicy(write('strict.json', JSON.stringify(EXAMPLE)));
    expect(strict.routes.match('GET', '/admin/secret').kind).toBe('unmatched');
    expect(strict.routes.match('GET', '/PROJECTS/1').kind).toBe('rule');

    const relaxed = loadPolicy(
      write(
        'relaxed.yaml',
        `caseSensitive: true\nunmatched: authenticated\n${EXAMPLE_YAML.split('\n').slice(1).join('\n')}`,
      ),
    );
    expect(relaxed.policy).toMatchObject({ caseSensitive: true, unmatched: 'authenticated' });
    expect(relaxed.routes.match('GET', '/admin/secret').kind).toBe('none');
    expect(relaxed.routes.match('GET', '/PROJECTS/1').kind).toBe('none');
  });

  it('refuses a file of invalid UTF-8, naming it, with exit code 78', () => {
    const file = join(dir, 'latin1.json');
    // "é" in Latin-1: one byte that is no UTF-8 character.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{"scopes":[{"name":"a:b","description":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}]}'),
      ]),
    );
    expect(() => loadPolicyFile(file)).toThrow(
      expect.objectContaining({ file, exitCode: 78, problems: ['is not valid UTF-8'] }),
    );
    expect(() => loadPolicy(file)).toThrow(`Invalid policy file ${file}:\n  - is not valid UTF-8`);
    const yaml = join(dir, 'latin1.yaml');
    writeFileSync(yaml, Buffer.from([0x72, 0x6f, 0x75, 0x74, 0x65, 0x73, 0x3a, 0x20, 0xff]));
    expect(() => loadPolicyFile(yaml)).toThrow(/is not valid UTF-8/);
  });

  it('refuses a missing file, naming it, with exit code 78', () => {
    const file = join(dir, 'nope.json');
    expect(() => loadPolicyFile(file)).toThrow(PolicyFileError);
    try {
      loadPolicyFile(file);
    } catch (error) {
      expect(error).toMatchObject({
        name: 'PolicyFileError',
        file,
        exitCode: 78,
        problems: ['cannot be read: no such file'],
      });
      expect((error as Error).message).toBe(
        `Invalid policy file ${file}:\n  - cannot be read: no such file`,
      );
    }
  });

  it('refuses a directory', () => {
    mkdirSync(join(dir, 'folder.json'));
    expect(() => loadPolicyFile(join(dir, 'folder.json'))).toThrow(/cannot be read: a directory/);
  });

  it('refuses an unknown extension before reading anything', () => {
    const file = write('policy.toml', 'scopes = []');
    expect(() => loadPolicyFile(file)).toThrow(
      `Invalid policy file ${file}:\n  - unknown extension ".toml": use .json, .yaml or .yml`,
    );
    expect(() => loadPolicyFile(join(dir, 'policy'))).toThrow(/unknown extension ""/);
  });

  it('refuses malformed JSON and YAML, naming the file and the format', () => {
    const json = write('broken.json', '{"scopes": [');
    expect(() => loadPolicyFile(json)).toThrow(
      new RegExp(`^Invalid policy file ${json}:\\n  - is not valid JSON: `),
    );
    const yaml = write('broken.yaml', 'scopes:\n  - name: a:b\n   description: [\n');
    expect(() => loadPolicyFile(yaml)).toThrow(/is not valid YAML: .*line/s);
  });

  it('refuses duplicate keys in YAML', () => {
    const yaml = write('dup.yaml', 'routes: []\nroutes: []\n');
    expect(() => loadPolicyFile(yaml)).toThrow(/is not valid YAML: .*unique/is);
  });

  it('refuses a file that is not an object', () => {
    expect(() => parsePolicy('[]', 'json', 'p.json')).toThrow(/must be an object/);
    expect(() => parsePolicy('', 'yaml', 'p.yaml')).toThrow(/must be an object/);
    expect(() => parsePolicy('just text', 'yaml', 'p.yaml')).toThrow(/must be an object/);
  });

  describe('names each bad entry and its problem', () => {
    it.each<[string, unknown, string[]]>([
      [
        'unknown top-level field',
        { scope: [] },
        ['scope: unknown field (expected "scopes", "routes", "caseSensitive", "unmatched")'],
      ],
      ['scopes not a list', { scopes: {} }, ['scopes: must be a list']],
      [
        'scope entry not an object',
        { scopes: ['projects:read'] },
        ['scopes[0]: must be an object'],
      ],
      [
        'uppercase scope name',
        { scopes: [{ name: 'Projects:read', description: 'x' }] },
        [
          'scopes[0].name: "Projects:read" must be lowercase "resource:action" of letters, digits, "_", "-" and "."',
        ],
      ],
      [
        'scope name without an action',
        { scopes: [{ name: 'projects', description: 'x' }] },
        [
          'scopes[0].name: "projects" must be lowercase "resource:action" of letters, digits, "_", "-" and "."',
        ],
      ],
      [
        'scope name with two colons',
        { scopes: [{ name: 'a:b:c', description: 'x' }] },
        [
          'scopes[0].name: "a:b:c" must be lowercase "resource:action" of letters, digits, "_", "-" and "."',
        ],
      ],
      [
        'built-in scope name',
        { scopes: [{ name: 'tokens:read', description: 'x' }] },
        ['scopes[0].name: "tokens:read" is a built-in scope'],
      ],
      [
        'duplicate scope',
        {
          scopes: [
            { name: 'a:b', description: 'x' },
            { name: 'c:d', description: 'x' },
            { name: 'a:b', description: 'y' },
          ],
        },
        ['scopes[2].name: "a:b" is already declared by scopes[0]'],
      ],
      [
        'missing description',
        { scopes: [{ name: 'a:b' }] },
        ['scopes[0].description: must be a non-empty string'],
      ],
      [
        'blank description',
        { scopes: [{ name: 'a:b', description: '  ' }] },
        ['scopes[0].description: must be a non-empty string'],
      ],
      [
        'unknown role',
        { scopes: [{ name: 'a:b', description: 'x', roles: ['admin', 'owner'] }] },
        ['scopes[0].roles[1]: "owner" is not a role (user, admin)'],
      ],
      [
        'empty roles',
        { scopes: [{ name: 'a:b', description: 'x', roles: [] }] },
        ['scopes[0].roles: must be a non-empty list of roles (user, admin)'],
      ],
      [
        'role listed twice',
        { scopes: [{ name: 'a:b', description: 'x', roles: ['admin', 'admin'] }] },
        ['scopes[0].roles[1]: "admin" is listed twice'],
      ],
      [
        'unknown scope field',
        { scopes: [{ name: 'a:b', description: 'x', grantable: true }] },
        ['scopes[0].grantable: unknown field (expected "name", "description", "roles")'],
      ],
      ['routes not a list', { routes: 'x' }, ['routes: must be a list']],
      [
        'bad method',
        { routes: [{ method: 'FETCH', path: '/a', public: true }] },
        [
          'routes[0].method: "FETCH" must be "*" or one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        ],
      ],
      ['missing path', { routes: [{ public: true }] }, ['routes[0].path: must be a string']],
      [
        'relative path',
        {
          routes: [
            { path: '/ok', public: true },
            { path: '/ok2', public: true },
            { path: 'projects/*', public: true },
          ],
        },
        ['routes[2].path: "projects/*" must start with "/"'],
      ],
      [
        'partial ** segment',
        { routes: [{ path: '/a**/b', public: true }] },
        ['routes[0].path: "/a**/b" "**" must be a whole segment'],
      ],
      [
        'both public and scopes',
        { routes: [{ path: '/a', public: true, scopes: ['tokens:read'] }] },
        ['routes[0]: a public route cannot also require scopes'],
      ],
      [
        'neither public nor scopes',
        { routes: [{ path: '/a' }] },
        ['routes[0]: needs "public": true or a list of "scopes"'],
      ],
      [
        'public false without scopes',
        { routes: [{ path: '/a', public: false }] },
        ['routes[0]: needs "public": true or a list of "scopes"'],
      ],
      [
        'public not a boolean',
        { routes: [{ path: '/a', public: 'yes' }] },
        [
          'routes[0].public: must be true or false',
          'routes[0]: needs "public": true or a list of "scopes"',
        ],
      ],
      [
        'unknown route scope',
        { routes: [{ path: '/a', scopes: ['tokens:read', 'projects:read'] }] },
        ['routes[0].scopes[1]: "projects:read" is not a known scope'],
      ],
      [
        'route scope listed twice',
        {
          scopes: [{ name: 'a:b', description: 'x' }],
          routes: [{ path: '/a', scopes: ['a:b', 'a:b'] }],
        },
        ['routes[0].scopes[1]: "a:b" is listed twice'],
      ],
      [
        'route scopes not a list',
        { routes: [{ path: '/a', scopes: 'tokens:read' }] },
        ['routes[0].scopes: must be a list of scope names'],
      ],
      [
        'unknown route field',
        { routes: [{ path: '/a', public: true, methods: ['GET'] }] },
        [
          'routes[0].methods: unknown field (expected "method", "path", "public", "scopes", "orgRole")',
        ],
      ],
      [
        'caseSensitive not a boolean',
        { caseSensitive: 'yes' },
        ['caseSensitive: must be true or false'],
      ],
      [
        'unmatched not a known rule',
        { unmatched: 'allow' },
        ['unmatched: "allow" must be one of "deny", "authenticated"'],
      ],
      [
        'unknown top-level field',
        { routes: [], case_sensitive: true },
        [
          'case_sensitive: unknown field (expected "scopes", "routes", "caseSensitive", "unmatched")',
        ],
      ],
    ])('%s', (_case, data, expected) => {
      expect(problemsOf(data)).toEqual(expected);
    });

    it('reports every problem of the file at once', () => {
      const problems = problemsOf({
        scopes: [{ name: 'admin', description: 'x' }, { name: 'a:b' }],
        routes: [
          { path: 'x', public: true },
          { path: '/y', scopes: ['nope:nope'] },
        ],
      });
      expect(problems).toEqual([
        'scopes[0].name: "admin" must be lowercase "resource:action" of letters, digits, "_", "-" and "."',
        'scopes[1].description: must be a non-empty string',
        'routes[0].path: "x" must start with "/"',
        'routes[1].scopes[0]: "nope:nope" is not a known scope',
      ]);
    });

    it('does not report a route again for a scope whose declaration is already wrong', () => {
      expect(
        problemsOf({ scopes: [{ name: 'a:b' }], routes: [{ path: '/a', scopes: ['a:b'] }] }),
      ).toEqual(['scopes[0].description: must be a non-empty string']);
    });
  });

  it('accepts lowercase methods, custom and built-in scopes together, and an empty scope list', () => {
    const policy = validatePolicy(
      {
        scopes: [{ name: 'v1.items_x-y:read', description: 'x' }],
        routes: [
          { method: 'get', path: '/items/*', scopes: ['v1.items_x-y:read', 'profile:read'] },
          { method: 'POST', path: '/ping', scopes: [] },
        ],
      },
      'p.json',
    );
    expect(policy.routes.map((route) => [route.method, route.scopes])).toEqual([
      ['GET', ['v1.items_x-y:read', 'profile:read']],
      ['POST', []],
    ]);
  });
});

describe("organizations' routes in the policy file", () => {
  it('read an {org} segment with orgRole, member by default', () => {
    const policy = validatePolicy(
      {
        routes: [
          { path: '/orgs/{org}/projects/**', method: 'GET', scopes: [] },
          { path: '/orgs/{org}/billing', scopes: [], orgRole: 'owner' },
          { path: '/other', scopes: [] },
        ],
      },
      'p.json',
    );
    expect(policy.routes.map((route) => route.orgRole)).toEqual(['member', 'owner', undefined]);
  });

  it.each([
    [{ path: '/orgs/{org}', scopes: [], orgRole: 'boss' }, 'orgRole: must be one of'],
    [{ path: '/orgs/x', scopes: [], orgRole: 'admin' }, 'only a path with an {org} segment'],
    [{ path: '/orgs/{org}', public: true }, 'public route cannot name an organization'],
    [{ path: '/orgs/{org}/{org}', scopes: [] }, 'one {org} segment'],
  ])('refuse %j naming the problem', (route, words) => {
    expect(() => validatePolicy({ routes: [route] }, 'p.json')).toThrow(words);
  });
});
