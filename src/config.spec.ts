import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

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
      passwordResetPath: '/console/reset-password',
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

describe('scheduler configuration', () => {
  const base = { APP_SECRET: SECRET };

  it('schedules every purge job at PURGE_CRON unless a job has its own, in UTC', () => {
    const config = loadConfig({
      ...base,
      PURGE_CRON: '30 2 * * 0',
      PURGE_IDEMPOTENCY_CRON: '0 * * * *',
    });
    expect(config.jobCron).toEqual({
      'purge-tokens': '30 2 * * 0',
      'purge-sessions': '30 2 * * 0',
      'purge-idempotency': '0 * * * *',
      'notify-expiring-tokens': '0 8 * * *',
    });
    expect(config.cronTimeZone).toBe('UTC');
    expect(loadConfig(base).jobCron['purge-tokens']).toBe('0 3 * * *');
    expect(loadConfig(base)).toMatchObject({ tokenRetentionDays: 7, sessionRetentionDays: 7 });
  });

  it('switches jobs off as a whole, all purges, or by name', () => {
    const on = (env: Record<string, string>) => loadConfig({ ...base, ...env }).jobsEnabled;
    expect(Object.values(on({}))).toEqual([true, true, true, true]);
    expect(Object.values(on({ SCHEDULER_ENABLED: 'false' }))).toEqual([false, false, false, false]);
    expect(Object.values(on({ PURGE_ENABLED: 'off' }))).toEqual([false, false, false, true]);
    expect(on({ JOBS_DISABLED: 'purge-sessions, purge-tokens' })).toEqual({
      'purge-tokens': false,
      'purge-sessions': false,
      'purge-idempotency': true,
      'notify-expiring-tokens': true,
    });
  });

  it.each([
    ['PURGE_CRON', '0 3 * *'],
    ['PURGE_CRON', '0 0 3 * * *'],
    ['PURGE_CRON', '61 3 * * *'],
    ['PURGE_TOKENS_CRON', 'every day'],
    ['CRON_TZ', 'Mars/Olympus'],
    ['JOBS_DISABLED', 'purge-everything'],
    ['SCHEDULER_ENABLED', 'maybe'],
    ['TOKEN_RETENTION_DAYS', '-1'],
    ['SESSION_RETENTION_DAYS', '3651'],
    ['PURGE_BATCH_SIZE', '0'],
    ['ADMIN_EMAIL', 'root'],
  ])('refuses %s=%j, naming it', (name, value) => {
    const env: Record<string, string> = { ...base, [name]: value };
    if (name === 'ADMIN_EMAIL') env.ADMIN_PASSWORD = 'long enough 1';
    expect(problemsOf(env)).toEqual([expect.stringContaining(name)]);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together, and a password of 8 to 128 characters', () => {
    expect(problemsOf({ ...base, ADMIN_EMAIL: 'a@b.test' })).toEqual([
      expect.stringMatching(/ADMIN_EMAIL and ADMIN_PASSWORD go together/),
    ]);
    expect(problemsOf({ ...base, ADMIN_EMAIL: 'a@b.test', ADMIN_PASSWORD: 'short' })).toEqual([
      expect.stringMatching(/ADMIN_PASSWORD must be 8 to 128/),
    ]);
    expect(
      loadConfig({ ...base, ADMIN_EMAIL: 'a@b.test', ADMIN_PASSWORD: 'long enough 1' }),
    ).toMatchObject({
      adminEmail: 'a@b.test',
      adminPassword: 'long enough 1',
    });
  });
});

describe('loadConfig: several instances', () => {
  const base = { APP_SECRET: SECRET, DATA_DIR: '/tmp/tessera-x' };

  it('defaults to no Redis, the tessera: prefix, 2-second degraded caches and open metrics', () => {
    expect(loadConfig(base)).toMatchObject({
      redisUrl: undefined,
      redisPrefix: 'tessera:',
      degradedCacheTtlSeconds: 2,
      metricsToken: undefined,
    });
  });

  it('reads the Redis URL, the prefix, the degraded lifetime and the metrics token', () => {
    const config = loadConfig({
      ...base,
      REDIS_URL: 'rediss://:pw@redis.example.test:6380/2',
      REDIS_PREFIX: 'tessera-staging:',
      DEGRADED_CACHE_TTL_SECONDS: '5',
      METRICS_TOKEN: 'm'.repeat(20),
    });
    expect(config).toMatchObject({
      redisUrl: 'rediss://:pw@redis.example.test:6380/2',
      redisPrefix: 'tessera-staging:',
      degradedCacheTtlSeconds: 5,
      metricsToken: 'm'.repeat(20),
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      ...base,
      REDIS_URL: 'http://redis:6379',
      REDIS_PREFIX: 'has space',
      DEGRADED_CACHE_TTL_SECONDS: '61',
      METRICS_TOKEN: 'short',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/REDIS_PREFIX/);
    expect(problems.join('\n')).toMatch(/DEGRADED_CACHE_TTL_SECONDS.*0 to 60/);
    expect(problems.join('\n')).toMatch(/METRICS_TOKEN/);
  });
});

describe('loadConfig: Redis Cluster and a transaction pooler', () => {
  const base = { APP_SECRET: SECRET, DATA_DIR: '/tmp/tessera-x' };

  it('reads the cluster nodes, IPv6 in brackets', () => {
    expect(
      loadConfig({
        ...base,
        REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-2.internal:7001,[::1]:7002',
      }),
    ).toMatchObject({
      redisUrl: undefined,
      redisClusterNodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-2.internal', port: 7001 },
        { host: '::1', port: 7002 },
      ],
    });
  });

  it('reads the pool mode and the direct URL, session by default', () => {
    expect(loadConfig(base)).toMatchObject({
      databasePoolMode: 'session',
      databaseDirectUrl: undefined,
    });
    expect(
      loadConfig({
        ...base,
        DATABASE_URL: 'postgres://app@pgbouncer:6432/tessera',
        DATABASE_POOL_MODE: 'transaction',
        DATABASE_DIRECT_URL: 'postgres://app@db:5432/tessera',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://app@pgbouncer:6432/tessera',
      databasePoolMode: 'transaction',
      databaseDirectUrl: 'postgres://app@db:5432/tessera',
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      ...base,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1',
      DATABASE_POOL_MODE: 'statement',
      DATABASE_DIRECT_URL: 'mysql://db/tessera',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(
      /REDIS_CLUSTER_NODES must be host:port pairs.*"127\.0\.0\.1"/,
    );
    expect(problems.join('\n')).toMatch(/DATABASE_POOL_MODE must be one of session, transaction/);
    expect(problems.join('\n')).toMatch(/DATABASE_DIRECT_URL must be a postgres:\/\//);
    expect(
      problemsOf({ ...base, REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'b:7000' }),
    ).toEqual(['REDIS_URL and REDIS_CLUSTER_NODES name the same Redis: set one of them']);
    expect(
      problemsOf({
        ...base,
        DATABASE_POOL_MODE: 'transaction',
        DATABASE_DIRECT_URL: 'postgres://db/tessera',
      }),
    ).toEqual([
      "DATABASE_POOL_MODE=transaction needs DATABASE_URL (the pooler's address)",
      'DATABASE_DIRECT_URL goes with DATABASE_URL: set both',
    ]);
  });
});

describe('.env.example', () => {
  it('lists every variable the configuration reads', () => {
    const source = [
      './common/config/app-config.ts',
      './scheduler/scheduler-config.ts',
      './mfa/mfa-config.ts',
    ]
      .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
      .join('\n');
    const read = new Set(
      [...source.matchAll(/read\.\w+\(\s*'([A-Z_]+)'|env\.([A-Z_]+)/g)].map((m) => m[1] ?? m[2]),
    );
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
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
