import { loadAppConfig } from './app-config.js';
import { configProblems, PRODUCTION_MAIL, SECRET } from '../../../test/support/config-env.js';

const problemsOf = (env: Record<string, string>) => configProblems(loadAppConfig, env);

describe('configuration: lifecycle webhooks', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    APP_SECRET: SECRET.replace(/k/g, 'Q7'),
    ...PRODUCTION_MAIL,
  };
  const HOOK_SECRET = 'whsec-' + 'Zq9'.repeat(12);

  it('is off by default, with a week of notice and retries over about a day', () => {
    expect(loadAppConfig({ APP_SECRET: SECRET })).toMatchObject({
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
    const config = loadAppConfig({
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
