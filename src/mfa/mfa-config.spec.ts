import { ConfigError, loadConfig } from '../config.js';

const SECRET = 'a-long-enough-secret-for-the-tests-0123456789';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ APP_SECRET: SECRET, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Second-factor configuration', () => {
  it('takes the WebAuthn RP id and origin from PUBLIC_URL by default', () => {
    expect(
      loadConfig({ APP_SECRET: SECRET, PUBLIC_URL: 'https://auth.example.com/base' }),
    ).toMatchObject({
      webauthnRpId: 'auth.example.com',
      webauthnOrigins: ['https://auth.example.com'],
      mfaIssuer: 'Tessera',
      requireMfaForAdmins: false,
      stepUpSeconds: 600,
    });
  });

  it('accepts an RP id that is a parent domain of each origin', () => {
    expect(
      loadConfig({
        APP_SECRET: SECRET,
        WEBAUTHN_RP_ID: 'example.com',
        WEBAUTHN_ORIGIN: 'https://auth.example.com, https://example.com',
      }),
    ).toMatchObject({
      webauthnRpId: 'example.com',
      webauthnOrigins: ['https://auth.example.com', 'https://example.com'],
    });
  });

  it.each([
    ['WEBAUTHN_RP_ID', { WEBAUTHN_RP_ID: 'https://example.com' }],
    ['WEBAUTHN_RP_ID', { WEBAUTHN_RP_ID: 'example.com:443' }],
    ['WEBAUTHN_ORIGIN', { WEBAUTHN_ORIGIN: 'https://example.com/path' }],
    ['WEBAUTHN_ORIGIN', { WEBAUTHN_ORIGIN: 'ftp://example.com' }],
    ['WEBAUTHN_ORIGIN', { WEBAUTHN_ORIGIN: 'not a url' }],
    ['WEBAUTHN_ORIGIN', { WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGIN: 'https://example.org' }],
    [
      'WEBAUTHN_ORIGIN',
      { WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGIN: 'https://badexample.com' },
    ],
    ['REQUIRE_MFA_FOR_ADMINS', { REQUIRE_MFA_FOR_ADMINS: 'maybe' }],
    ['STEP_UP_SECONDS', { STEP_UP_SECONDS: '5' }],
  ])('refuses to start naming %s for %j', (name, env) => {
    expect(problemsOf(env)).toEqual([expect.stringContaining(name)]);
  });
});
