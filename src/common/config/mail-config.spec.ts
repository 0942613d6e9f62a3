import { loadAppConfig } from './app-config.js';
import { configProblems, PRODUCTION_MAIL, SECRET } from '../../../test/support/config-env.js';

const problemsOf = (env: Record<string, string>) => configProblems(loadAppConfig, env);

describe('configuration: mail and password reset', () => {
  const PRODUCTION = { NODE_ENV: 'production', APP_SECRET: SECRET.replace(/k/g, 'Q7') };
  const MAIL = PRODUCTION_MAIL;

  it('defaults to no SMTP, links to this server and 30-minute links', () => {
    const config = loadAppConfig({ APP_SECRET: SECRET, PORT: '8080' });
    expect(config).toMatchObject({
      smtpUrl: undefined,
      mailFrom: undefined,
      publicUrl: 'http://localhost:8080',
      passwordResetPath: '/console/reset-password',
      passwordResetMinutes: 30,
    });
  });

  it('reads the relay, the sender and the public address, dropping a trailing slash', () => {
    const config = loadAppConfig({
      ...PRODUCTION,
      ...MAIL,
      PUBLIC_URL: 'https://example.test/app/',
      PASSWORD_RESET_PATH: '/account/new-password',
      PASSWORD_RESET_MINUTES: '15',
    });
    expect(config).toMatchObject({
      smtpUrl: MAIL.SMTP_URL,
      mailFrom: MAIL.MAIL_FROM,
      publicUrl: 'https://example.test/app',
      passwordResetPath: '/account/new-password',
      passwordResetMinutes: 15,
    });
    expect(problemsOf({ ...PRODUCTION, ...MAIL, MAIL_FROM: 'no-reply@example.test' })).toEqual([]);
  });

  it('refuses to start in production without a way to send mail, naming the variables', () => {
    expect(problemsOf({ ...PRODUCTION, PUBLIC_URL: MAIL.PUBLIC_URL })).toEqual([
      expect.stringMatching(/^SMTP_URL and MAIL_FROM must be set in production/),
    ]);
    expect(problemsOf({ ...PRODUCTION, ...MAIL, MAIL_FROM: '' })).toEqual([
      expect.stringMatching(/^MAIL_FROM must be set in production/),
    ]);
    expect(problemsOf({ ...PRODUCTION, ...MAIL, PUBLIC_URL: '' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL is required in production/),
    ]);
    expect(problemsOf({ ...PRODUCTION, ...MAIL, PUBLIC_URL: 'http://app.example.test' })).toEqual([
      expect.stringMatching(/PUBLIC_URL must be an https:\/\/ URL in production/),
    ]);
  });

  it('outside production, needs a sender only once a relay is configured', () => {
    expect(problemsOf({ APP_SECRET: SECRET })).toEqual([]);
    expect(problemsOf({ APP_SECRET: SECRET, SMTP_URL: 'smtp://localhost:2525' })).toEqual([
      'MAIL_FROM is required when SMTP_URL is set',
    ]);
  });

  it.each([
    ['SMTP_URL', 'http://smtp.example.test'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'no-reply'],
    ['MAIL_FROM', 'Tessera no-reply@example.test'],
    ['MAIL_FROM', 'no-reply@example.test\r\nBcc: victim@example.test'],
    ['PUBLIC_URL', 'ftp://app.example.test'],
    ['PUBLIC_URL', 'https://app.example.test/?next=1'],
    ['PASSWORD_RESET_PATH', 'reset-password'],
    ['PASSWORD_RESET_PATH', '/reset?x=1'],
    ['PASSWORD_RESET_MINUTES', '4'],
    ['PASSWORD_RESET_MINUTES', '1441'],
  ])('refuses %s=%j', (name, value) => {
    const env = { APP_SECRET: SECRET, SMTP_URL: 'smtp://localhost:2525', MAIL_FROM: 'a@b.test' };
    expect(problemsOf({ ...env, [name]: value })).toEqual([expect.stringContaining(name)]);
  });
});
