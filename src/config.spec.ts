import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { configProblems, PRODUCTION_MAIL, SECRET } from '../test/support/config-env.js';

const problemsOf = (env: Record<string, string>) => configProblems(loadConfig, env);

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

  it('has one default token lifetime: TOKEN_DEFAULT_DAYS, else TOKEN_MAX_DAYS when set, else none', () => {
    const env = { APP_SECRET: SECRET, DATABASE_URL: 'postgres://x@localhost/x' };
    expect(loadConfig(env).tokenDefaultDays).toBeNull();
    expect(loadConfig({ ...env, TOKEN_MAX_DAYS: '90' }).tokenDefaultDays).toBe(90);
    expect(loadConfig({ ...env, TOKEN_DEFAULT_DAYS: '30' }).tokenDefaultDays).toBe(30);
    expect(problemsOf({ ...env, TOKEN_DEFAULT_DAYS: '100', TOKEN_MAX_DAYS: '90' })).toEqual([
      expect.stringMatching(/TOKEN_DEFAULT_DAYS must not exceed TOKEN_MAX_DAYS/),
    ]);
    expect(problemsOf({ ...env, TOKEN_DEFAULT_DAYS: '0' })).toEqual([
      expect.stringMatching(/TOKEN_DEFAULT_DAYS/),
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

describe('scheduler configuration', () => {
  const base = { APP_SECRET: SECRET };

  it('schedules every purge job at PURGE_CRON unless a job has its own, in UTC', () => {
    const config = loadConfig({
      ...base,
      PURGE_CRON: '30 2 * * 0',
      PURGE_RECORDS_CRON: '0 * * * *',
    });
    expect(config.jobCron).toEqual({
      'purge-tokens': '30 2 * * 0',
      'purge-sessions': '30 2 * * 0',
      'purge-records': '0 * * * *',
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
      'purge-records': true,
      'notify-expiring-tokens': true,
    });
  });

  it('still understands purge-records by its former name, purge-idempotency', () => {
    const config = loadConfig({
      ...base,
      PURGE_IDEMPOTENCY_CRON: '0 * * * *',
      JOBS_DISABLED: 'purge-idempotency',
    });
    expect(config.jobCron['purge-records']).toBe('0 * * * *');
    expect(config.jobsEnabled['purge-records']).toBe(false);
    // The current variable wins over the former one.
    expect(
      loadConfig({ ...base, PURGE_IDEMPOTENCY_CRON: '0 * * * *', PURGE_RECORDS_CRON: '5 1 * * *' })
        .jobCron['purge-records'],
    ).toBe('5 1 * * *');
    expect(problemsOf({ ...base, PURGE_IDEMPOTENCY_CRON: 'hourly' })).toEqual([
      expect.stringContaining('PURGE_IDEMPOTENCY_CRON'),
    ]);
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

describe('.env.example', () => {
  it('lists every variable the configuration reads', () => {
    const sections = readdirSync(new URL('./common/config/', import.meta.url))
      .filter((file) => file.endsWith('-config.ts'))
      .map((file) => `./common/config/${file}`);
    const source = [
      ...sections,
      './common/config/env-reader.ts',
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
