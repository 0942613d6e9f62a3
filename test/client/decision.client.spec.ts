import { credentialOf, decide, type Verification } from '@tessera/client';

/** The one module the three middlewares decide with: header reading and answer → status. */
describe('@tessera/client decide and credentialOf', () => {
  it('reads Bearer and Token credentials as Tessera does', () => {
    expect(credentialOf('Bearer abc')).toBe('abc');
    expect(credentialOf('bearer   abc')).toBe('abc');
    expect(credentialOf('TOKEN tsr_x')).toBe('tsr_x');
    expect(credentialOf(' Bearer abc ')).toBe('abc');
    expect(credentialOf(undefined)).toBeUndefined();
    expect(credentialOf('')).toBeUndefined();
    expect(credentialOf('Basic dXNlcg==')).toBeUndefined();
    expect(credentialOf(['Bearer a', 'Bearer b'])).toBeUndefined();
    expect(credentialOf('Bearer')).toBeNull();
    expect(credentialOf('Bearer a b')).toBeNull();
  });

  const valid: Verification = {
    valid: true,
    code: 'VALID',
    credential: 'session',
    userId: 'u1',
    role: 'user',
    scopes: ['projects:read'],
    orgs: [
      { id: 'a0000000-0000-4000-8000-000000000001', slug: 'acme', role: 'admin' },
      { id: 'a0000000-0000-4000-8000-000000000002', slug: 'globex', role: 'member' },
    ],
  };

  it("applies forward auth's role rule on an org route, by id or slug in any case", () => {
    const on = (ref: string, role?: 'member' | 'admin' | 'owner') =>
      decide(structuredClone(valid), ['projects:read'], { ref, role });
    expect(on('ACME', 'admin')).toMatchObject({
      allowed: true,
      principal: { org: { id: valid.orgs![0].id, role: 'admin' } },
    });
    expect(on(valid.orgs![1].id)).toMatchObject({ allowed: true });
    expect(on('globex', 'admin')).toMatchObject({ allowed: false, status: 403, headers: {} });
    expect(on('acme', 'owner')).toMatchObject({ allowed: false, status: 403 });
    expect(on('initech')).toMatchObject({ allowed: false, status: 403 });
    expect(on('')).toMatchObject({ allowed: false, status: 403 });
  });

  it("lets an org token through its own org's route only, by id or slug in any case", () => {
    const orgId = 'b0000000-0000-4000-8000-000000000009';
    const token: Verification = {
      valid: true,
      code: 'VALID',
      credential: 'api_token',
      orgId,
      orgSlug: 'initech',
      role: 'service',
      tokenId: 't1',
      scopes: ['projects:read'],
    };
    const on = (ref: string) => decide(structuredClone(token), [], { ref, role: 'owner' });
    expect(on(orgId.toUpperCase())).toMatchObject({
      allowed: true,
      principal: { org: { id: orgId, role: 'service' } },
    });
    expect(on('Initech')).toMatchObject({
      allowed: true,
      principal: { org: { id: orgId, role: 'service' } },
    });
    expect(on('acme')).toMatchObject({ allowed: false, status: 403 });
    expect(on(valid.orgs![0].id)).toMatchObject({ allowed: false, status: 403 });
    expect(on('')).toMatchObject({ allowed: false, status: 403 });
  });

  it("answers an admin's session that must enroll a second factor with 403, as forward auth does", () => {
    const refused = decide({ valid: false, code: 'MFA_ENROLLMENT_REQUIRED' });
    expect(refused).toMatchObject({ allowed: false, status: 403, headers: {} });
    if (refused.allowed) throw new Error('allowed');
    expect(refused.body.message).toMatch(/^mfa_enrollment_required/);
  });

  it('answers a spent total quota with 429 and no Retry-After (it never starts over)', () => {
    const spent = decide({
      valid: false,
      code: 'USAGE_EXCEEDED',
      quota: { limit: 5, remaining: 0, reset: null },
    });
    expect(spent).toMatchObject({ allowed: false, status: 429, headers: {} });
    const daily = decide(
      {
        valid: false,
        code: 'USAGE_EXCEEDED',
        quota: { limit: 5, remaining: 0, reset: '2030-01-02T00:00:00.000Z' },
      },
      [],
      undefined,
      Date.parse('2030-01-01T23:59:58.500Z'),
    );
    expect(daily).toMatchObject({ status: 429, headers: { 'Retry-After': '2' } });
  });
});
