import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const SECRET = 'k'.repeat(40);
/** What production needs besides APP_SECRET: a way to mail reset links. */
const PRODUCTION_MAIL = {
  SMTP_URL: 'smtps://relay:pw@smtp.example.test:465',
  MAIL_FROM: 'Tessera <no-reply@example.test>',
  PUBLIC_URL: 'https://app.example.test',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ APP_SECRET: SECRET, DATA_DIR: '/tmp/tessera-x' });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      accessTokenTtlSeconds: 900,
      refreshGraceSeconds: 10,
      sessionIdleDays: 7,
      sessionMaxDays: 30,
      authRatePerMinute: 10,
      trustProxy: false,
      corsOrigins: true,
      databaseUrl: undefined,
      dataDir: '/tmp/tessera-x',
    });
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      APP_SECRET: SECRET,
      PORT: 'eighty',
      SESSION_IDLE_DAYS: '0',
      DATABASE_URL: 'mysql://x',
      NODE_ENV: 'staging',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT.*eighty/);
    expect(problems.join('\n')).toMatch(/SESSION_IDLE_DAYS/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/NODE_ENV/);
  });

  it('requires a real APP_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', ...PRODUCTION_MAIL })).toEqual([
      expect.stringMatching(/^APP_SECRET is required/),
    ]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        APP_SECRET: 'change-me-change-me-change-me-change-me',
        ...PRODUCTION_MAIL,
      }),
    ).toEqual([expect.stringMatching(/placeholder/)]);
    expect(problemsOf({ APP_SECRET: 'short' })).toEqual([expect.stringMatching(/at least 32/)]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        APP_SECRET: SECRET.replace(/k/g, 'Q7'),
        ...PRODUCTION_MAIL,
      }),
    ).toEqual([]);
  });

  it('refuses idle sessions longer than the absolute lifetime', () => {
    expect(problemsOf({ APP_SECRET: SECRET, SESSION_IDLE_DAYS: '40' })).toEqual([
      expect.stringMatching(/SESSION_IDLE_DAYS must not exceed SESSION_MAX_DAYS/),
    ]);
  });

  it('believes X-Forwarded-For only from named proxies or a hop count, never from anyone', () => {
    expect(
      loadConfig({ APP_SECRET: SECRET, TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy,
    ).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(loadConfig({ APP_SECRET: SECRET, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(problemsOf({ APP_SECRET: SECRET, TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/TRUST_PROXY/),
    ]);
  });

  it('outside production, makes up a secret once and keeps it in DATA_DIR', () => {
    const root = mkdtempSync(join(tmpdir(), 'tessera-config-'));
    const dataDir = join(root, 'data');
    try {
      const first = loadConfig({ DATA_DIR: dataDir }).appSecret;
      const second = loadConfig({ DATA_DIR: dataDir }).appSecret;
      expect(first).toHaveLength(43);
      expect(second).toBe(first);
      expect(readFileSync(join(dataDir, 'app-secret'), 'utf8').trim()).toBe(first);
      expect(statSync(join(dataDir, 'app-secret')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('loadConfig: mail and password reset', () => {
  const PRODUCTION = { NODE_ENV: 'production', APP_SECRET: SECRET.replace(/k/g, 'Q7') };
  const MAIL = PRODUCTION_MAIL;

  it('defaults to no SMTP, links to this server and 30-minute links', () => {
    const config = loadConfig({ APP_SECRET: SECRET, PORT: '8080' });
    expect(config).toMatchObject({
      smtpUrl: undefined,
      mailFrom: undefined,
      publicUrl: 'http://localhost:8080',
      passwordResetPath: '/reset-password',
      passwordResetMinutes: 30,
    });
  });

  it('reads the relay, the sender and the public address, dropping a trailing slash', () => {
    const config = loadConfig({
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

describe('.env.example', () => {
  it('lists every variable the configuration reads', () => {
    const source = readFileSync(new URL('./app-config.ts', import.meta.url), 'utf8');
    const read = new Set(
      [...source.matchAll(/read\.\w+\(\s*'([A-Z_]+)'|env\.([A-Z_]+)/g)].map((m) => m[1] ?? m[2]),
    );
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('loadConfig: lifecycle webhooks', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    APP_SECRET: SECRET.replace(/k/g, 'Q7'),
    ...PRODUCTION_MAIL,
  };
  const HOOK_SECRET = 'whsec-' + 'Zq9'.repeat(12);

  it('is off by default, with a week of notice and retries over about a day', () => {
    expect(loadConfig({ APP_SECRET: SECRET })).toMatchObject({
      webhookUrl: undefined,
      webhookSecret: undefined,
      webhookRetryBaseSeconds: 30,
      webhookMaxAttempts: 30,
      webhookPollSeconds: 10,
      webhookTimeoutSeconds: 10,
      tokenExpiryNoticeDays: 7,
    });
  });

  it('reads the receiver, its secret and the timings', () => {
    const config = loadConfig({
      ...PRODUCTION,
      WEBHOOK_URL: 'https://hooks.example.test/tessera',
      WEBHOOK_SECRET: HOOK_SECRET,
      WEBHOOK_RETRY_BASE_SECONDS: '5',
      WEBHOOK_MAX_ATTEMPTS: '12',
      WEBHOOK_POLL_SECONDS: '2',
      WEBHOOK_TIMEOUT_SECONDS: '3',
      TOKEN_EXPIRY_NOTICE_DAYS: '14',
    });
    expect(config).toMatchObject({
      webhookUrl: 'https://hooks.example.test/tessera',
      webhookSecret: HOOK_SECRET,
      webhookRetryBaseSeconds: 5,
      webhookMaxAttempts: 12,
      webhookPollSeconds: 2,
      webhookTimeoutSeconds: 3,
      tokenExpiryNoticeDays: 14,
    });
  });

  it('needs a long secret with a receiver, and a real one in production', () => {
    const url = 'http://127.0.0.1:9000/hook';
    expect(problemsOf({ APP_SECRET: SECRET, WEBHOOK_URL: url })).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRET is required when WEBHOOK_URL is set/),
    ]);
    expect(problemsOf({ APP_SECRET: SECRET, WEBHOOK_URL: url, WEBHOOK_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRET must be at least 32/),
    ]);
    expect(
      problemsOf({
        ...PRODUCTION,
        WEBHOOK_URL: 'https://hooks.example.test',
        WEBHOOK_SECRET: 'change-me-change-me-change-me-change-me',
      }),
    ).toEqual([expect.stringMatching(/WEBHOOK_SECRET looks like a placeholder/)]);
    expect(
      problemsOf({ APP_SECRET: SECRET, WEBHOOK_URL: url, WEBHOOK_SECRET: HOOK_SECRET }),
    ).toEqual([]);
  });

  it('requires https in production and no credentials in the URL', () => {
    expect(
      problemsOf({
        ...PRODUCTION,
        WEBHOOK_URL: 'http://hooks.example.test',
        WEBHOOK_SECRET: HOOK_SECRET,
      }),
    ).toEqual(['WEBHOOK_URL must be an https:// URL in production']);
    expect(
      problemsOf({
        APP_SECRET: SECRET,
        WEBHOOK_URL: 'https://user:pw@hooks.example.test',
        WEBHOOK_SECRET: HOOK_SECRET,
      }),
    ).toEqual([expect.stringMatching(/^WEBHOOK_URL must not hold credentials/)]);
  });

  it.each([
    ['WEBHOOK_URL', 'ftp://hooks.example.test'],
    ['WEBHOOK_URL', 'not a url'],
    ['WEBHOOK_RETRY_BASE_SECONDS', '0'],
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['WEBHOOK_MAX_ATTEMPTS', '101'],
    ['WEBHOOK_POLL_SECONDS', '0'],
    ['WEBHOOK_TIMEOUT_SECONDS', '61'],
    ['TOKEN_EXPIRY_NOTICE_DAYS', '0'],
    ['TOKEN_EXPIRY_NOTICE_DAYS', '366'],
    ['TOKEN_EXPIRY_NOTICE_DAYS', 'seven'],
  ])('refuses %s=%j', (name, value) => {
    const env = {
      APP_SECRET: SECRET,
      WEBHOOK_URL: 'http://127.0.0.1:9/h',
      WEBHOOK_SECRET: HOOK_SECRET,
    };
    expect(problemsOf({ ...env, [name]: value })).toEqual([expect.stringContaining(name)]);
  });
});
