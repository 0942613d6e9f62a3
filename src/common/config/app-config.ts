import { validateCronExpression } from 'cron';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

/** The validated, typed configuration. Built once at boot by `loadConfig` (`src/config.ts`). */
export abstract class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** Unset: an embedded PostgreSQL is started under {@link dataDir}. */
  readonly databaseUrl?: string;
  /**
   * `transaction`: {@link databaseUrl} goes through a transaction-pooling proxy (PgBouncer and
   * the like), so no server session outlives a transaction. The service keeps no session state
   * either way; this says which URL migrations take when {@link databaseDirectUrl} is unset.
   */
  readonly databasePoolMode: 'session' | 'transaction';
  /** Straight to PostgreSQL, past any pooler: migrations use it when set. */
  readonly databaseDirectUrl?: string;
  readonly dataDir: string;
  /** Root secret; purpose-specific keys are derived from it (see `common/crypto`). */
  readonly appSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshGraceSeconds: number;
  readonly sessionIdleDays: number;
  readonly sessionMaxDays: number;
  readonly sessionCacheTtlSeconds: number;
  readonly authRatePerMinute: number;
  readonly maxTokensPerUser: number;
  /** Active API tokens an organization may hold. */
  readonly maxTokensPerOrg: number;
  /** How long an organization's invitation link works, in days. */
  readonly invitationDays: number;
  readonly tokenRatePerMinute: number;
  readonly tokenRatePerHour: number;
  /** The longest lifetime of an API token, in days (unset: 3650), and whether it was set. */
  readonly tokenMaxDays: number;
  readonly tokenMaxDaysSet: boolean;
  readonly tokenCacheTtlSeconds: number;
  /** How often each instance writes the API tokens' last use (one statement per flush). */
  readonly lastUsedFlushSeconds: number;
  /** A request whose headers and body have not all arrived after this long gets 408. */
  readonly requestTimeoutSeconds: number;
  /** `false`, or the proxies (addresses/CIDRs, or a hop count) whose X-Forwarded-For is believed. */
  readonly trustProxy: false | string[] | number;
  readonly corsOrigins: true | string[];
  /**
   * The deployment's own scopes and route rules (JSON, or YAML by extension); read and
   * validated once at boot by the policy module. Unset: built-in scopes only, no route rules.
   */
  readonly policyFile?: string;

  // Mail and password reset
  /** `smtp://` or `smtps://` URL of the relay; unset outside production: mail goes to the log. */
  readonly smtpUrl?: string;
  /** Sender of every mail, `addr@host` or `Name <addr@host>`; set whenever {@link smtpUrl} is. */
  readonly mailFrom?: string;
  /** Where users open the front end, without a trailing slash; links in mails point there. */
  readonly publicUrl: string;
  /** Path of the front end's reset page under {@link publicUrl}; the token follows in the fragment. */
  readonly passwordResetPath: string;
  readonly passwordResetMinutes: number;

  // Scheduler, purge and admin
  // (The job schedules are the scheduler's: scheduler/scheduler-config.ts.)
  readonly tokenRetentionDays: number;
  readonly sessionRetentionDays: number;
  /** Audit events are deleted this many days after they happened. */
  readonly auditRetentionDays: number;
  /** Rows deleted per statement: each batch is its own short transaction. */
  readonly purgeBatchSize: number;
  /** Pause between batches, leaving the database to the requests. */
  readonly purgeBatchPauseMs: number;
  /** The first admin, created at start-up when no account has this email yet. */
  readonly adminEmail?: string;
  readonly adminPassword?: string;

  // Several instances: shared counters, cross-instance invalidation, metrics
  /** `redis://` or `rediss://`; unset: one instance, in-memory counters, no invalidation bus. */
  readonly redisUrl?: string;
  /** Instead of {@link redisUrl}: some nodes of a Redis Cluster (the rest are discovered). */
  readonly redisClusterNodes?: { host: string; port: number }[];
  /** Prefix of every Redis key and channel, so that deployments can share one Redis. */
  readonly redisPrefix: string;
  /** Cache lifetime while the invalidation bus is down (revocations elsewhere may go unheard). */
  readonly degradedCacheTtlSeconds: number;
  /** Unset: `/metrics` is open (keep it off the public proxy); set: it wants this bearer token. */
  readonly metricsToken?: string;

  // Lifecycle webhooks
  /** Where token events are POSTed; unset: no event is recorded or sent. */
  readonly webhookUrl?: string;
  /** HMAC-SHA256 key of the `Tessera-Signature` header; set whenever {@link webhookUrl} is. */
  readonly webhookSecret?: string;
  /** First retry delay; it doubles per attempt, up to an hour. */
  readonly webhookRetryBaseSeconds: number;
  /** Attempts before an event is given up (kept in the outbox as failed). */
  readonly webhookMaxAttempts: number;
  /** How often each instance looks for due events (new ones are also sent at once). */
  readonly webhookPollSeconds: number;
  /** A receiver slower than this to answer has failed the attempt. */
  readonly webhookTimeoutSeconds: number;
  /** `token.expiring_soon` goes out this many days before a token expires. */
  readonly tokenExpiryNoticeDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const PLACEHOLDER = /change[-_ ]?me|placeholder|example|secret$|^x+$/i;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment's common part into `problems`; the feature sections
 * (`src/config.ts` composes them) read theirs with the same reader, so that one failed start
 * names all the bad variables at once.
 */
export function readAppConfig(
  env: Env,
  problems: string[],
): { config: AppConfig; read: EnvReader } {
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  const dataDir = resolve(read.string('DATA_DIR', './.data'));
  const databaseUrl = read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']);
  const databasePoolMode = read.oneOf(
    'DATABASE_POOL_MODE',
    ['session', 'transaction'] as const,
    'session',
  );
  const databaseDirectUrl = read.optionalUrl('DATABASE_DIRECT_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl && read.string('DATABASE_URL', '') === '') {
    if (databasePoolMode === 'transaction') {
      problems.push("DATABASE_POOL_MODE=transaction needs DATABASE_URL (the pooler's address)");
    }
    if (databaseDirectUrl) problems.push('DATABASE_DIRECT_URL goes with DATABASE_URL: set both');
  }

  let appSecret = env.APP_SECRET?.trim();
  if (!appSecret) {
    if (nodeEnv === 'production') {
      problems.push('APP_SECRET is required in production (at least 32 random characters)');
    } else {
      appSecret = persistentDevSecret(dataDir);
    }
  } else if (appSecret.length < 32) {
    problems.push('APP_SECRET must be at least 32 characters long');
  } else if (nodeEnv === 'production' && PLACEHOLDER.test(appSecret)) {
    problems.push('APP_SECRET looks like a placeholder; set a random value in production');
  }

  const sessionIdleDays = read.int('SESSION_IDLE_DAYS', 7, 1, 365);
  const sessionMaxDays = read.int('SESSION_MAX_DAYS', 30, 1, 3650);
  if (sessionIdleDays > sessionMaxDays) {
    problems.push('SESSION_IDLE_DAYS must not exceed SESSION_MAX_DAYS');
  }

  const port = read.int('PORT', 3000, 0, 65535);
  const mail = readMailConfig(read, nodeEnv, port, problems);
  const retention = readRetentionConfig(read, env, problems);
  const webhooks = readWebhookConfig(read, nodeEnv, problems);

  const config: AppConfig = {
    nodeEnv,
    host: read.string('HOST', '0.0.0.0'),
    port,
    requestTimeoutSeconds: read.int('REQUEST_TIMEOUT_SECONDS', 30, 1, 300),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    databaseUrl,
    databasePoolMode,
    databaseDirectUrl,
    dataDir,
    appSecret: appSecret ?? '',
    accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshGraceSeconds: read.int('REFRESH_GRACE_SECONDS', 10, 0, 300),
    sessionIdleDays,
    sessionMaxDays,
    sessionCacheTtlSeconds: read.int('SESSION_CACHE_TTL_SECONDS', 30, 0, 3600),
    authRatePerMinute: read.int('AUTH_RATE_PER_MINUTE', 10, 1, 1_000_000),
    maxTokensPerUser: read.int('MAX_TOKENS_PER_USER', 20, 1, 10_000),
    maxTokensPerOrg: read.int('MAX_TOKENS_PER_ORG', 100, 1, 100_000),
    invitationDays: read.int('INVITATION_DAYS', 7, 1, 90),
    tokenRatePerMinute: read.int('TOKEN_RATE_PER_MINUTE', 600, 1, 1_000_000_000),
    tokenRatePerHour: read.int('TOKEN_RATE_PER_HOUR', 20_000, 1, 1_000_000_000),
    tokenMaxDays: read.int('TOKEN_MAX_DAYS', 3650, 1, 3650),
    tokenMaxDaysSet: read.string('TOKEN_MAX_DAYS', '') !== '',
    tokenCacheTtlSeconds: read.int('TOKEN_CACHE_TTL_SECONDS', 30, 0, 3600),
    lastUsedFlushSeconds: read.int('LAST_USED_FLUSH_SECONDS', 30, 1, 60),
    trustProxy: read.trustProxy('TRUST_PROXY'),
    corsOrigins: read.list('CORS_ORIGINS', '*'),
    policyFile: read.string('POLICY_FILE', '')
      ? resolve(read.string('POLICY_FILE', ''))
      : undefined,
    ...mail,
    ...retention,
    ...readScaleConfig(read, problems),
    ...webhooks,
  };
  return { config, read };
}

/** The common part alone, validated: throws a ConfigError naming every problem. */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const { config } = readAppConfig(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

type MailConfig = Pick<
  AppConfig,
  'smtpUrl' | 'mailFrom' | 'publicUrl' | 'passwordResetPath' | 'passwordResetMinutes'
>;

/** `addr@host` or `Name <addr@host>`, on one line. */
const MAIL_ADDRESS = /^(?:[^\s@<>]+@[^\s@<>]+|[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>)$/;
const URL_PATH = /^(?:\/[\w.~-]+)+\/?$/;

/** Outgoing mail and the reset link. In production, a mail that cannot be sent is a bad start. */
function readMailConfig(
  read: EnvReader,
  nodeEnv: NodeEnv,
  port: number,
  problems: string[],
): MailConfig {
  const production = nodeEnv === 'production';
  const smtpUrl = read.optionalUrl('SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = read.string('MAIL_FROM', '') || undefined;
  if (mailFrom !== undefined && !MAIL_ADDRESS.test(mailFrom)) {
    problems.push('MAIL_FROM must be an address, or a name and an address: Name <addr@host>');
  }
  if (production) {
    const missing = [!smtpUrl && 'SMTP_URL', !mailFrom && 'MAIL_FROM'].filter(Boolean);
    if (missing.length > 0) {
      problems.push(
        `${missing.join(' and ')} must be set in production: password-reset links are sent by mail`,
      );
    }
  } else if (smtpUrl && !mailFrom) {
    problems.push('MAIL_FROM is required when SMTP_URL is set');
  }

  let publicUrl = read.optionalUrl('PUBLIC_URL', ['http:', 'https:']);
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl);
    if (url.search || url.hash) {
      problems.push('PUBLIC_URL must not have a query or a fragment');
    } else if (production && url.protocol !== 'https:') {
      problems.push('PUBLIC_URL must be an https:// URL in production: reset links carry a secret');
    }
    publicUrl = publicUrl.replace(/\/+$/, '');
  } else if (production && read.string('PUBLIC_URL', '') === '') {
    problems.push('PUBLIC_URL is required in production: reset links point there');
  }

  const passwordResetPath = read.string('PASSWORD_RESET_PATH', '/console/reset-password');
  if (!URL_PATH.test(passwordResetPath)) {
    problems.push(
      `PASSWORD_RESET_PATH must be a path such as /console/reset-password (got "${passwordResetPath}")`,
    );
  }
  return {
    smtpUrl,
    mailFrom,
    publicUrl: publicUrl ?? `http://localhost:${port}`,
    passwordResetPath,
    passwordResetMinutes: read.int('PASSWORD_RESET_MINUTES', 30, 5, 1440),
  };
}

type RetentionConfig = Pick<
  AppConfig,
  | 'tokenRetentionDays'
  | 'sessionRetentionDays'
  | 'auditRetentionDays'
  | 'purgeBatchSize'
  | 'purgeBatchPauseMs'
  | 'adminEmail'
  | 'adminPassword'
>;

/** Retention and purge batches; the bootstrap admin. */
function readRetentionConfig(read: EnvReader, env: Env, problems: string[]): RetentionConfig {
  const adminEmail = read.string('ADMIN_EMAIL', '') || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither');
  }
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    problems.push('ADMIN_EMAIL must be an email address');
  }
  if (adminPassword !== undefined && (adminPassword.length < 8 || adminPassword.length > 128)) {
    problems.push('ADMIN_PASSWORD must be 8 to 128 characters long');
  }
  return {
    tokenRetentionDays: read.int('TOKEN_RETENTION_DAYS', 7, 0, 3650),
    sessionRetentionDays: read.int('SESSION_RETENTION_DAYS', 7, 0, 3650),
    auditRetentionDays: read.int('AUDIT_RETENTION_DAYS', 365, 1, 36500),
    purgeBatchSize: read.int('PURGE_BATCH_SIZE', 2000, 1, 100_000),
    purgeBatchPauseMs: read.int('PURGE_BATCH_PAUSE_MS', 10, 0, 10_000),
    adminEmail,
    adminPassword,
  };
}

type ScaleConfig = Pick<
  AppConfig,
  'redisUrl' | 'redisClusterNodes' | 'redisPrefix' | 'degradedCacheTtlSeconds' | 'metricsToken'
>;

const REDIS_PREFIX = /^[\w.:-]{1,64}$/;

/** Several instances: Redis for shared counters and invalidation, and the metrics endpoint. */
function readScaleConfig(read: EnvReader, problems: string[]): ScaleConfig {
  const redisPrefix = read.string('REDIS_PREFIX', 'tessera:');
  if (!REDIS_PREFIX.test(redisPrefix)) {
    problems.push('REDIS_PREFIX must be 1 to 64 letters, digits, or . _ : -');
  }
  const metricsToken = read.string('METRICS_TOKEN', '') || undefined;
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,256}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  }
  const redisUrl = read.optionalUrl('REDIS_URL', ['redis:', 'rediss:']);
  const redisClusterNodes = readClusterNodes(read.string('REDIS_CLUSTER_NODES', ''), problems);
  if (redisUrl && redisClusterNodes) {
    problems.push('REDIS_URL and REDIS_CLUSTER_NODES name the same Redis: set one of them');
  }
  return {
    redisUrl,
    redisClusterNodes,
    redisPrefix,
    degradedCacheTtlSeconds: read.int('DEGRADED_CACHE_TTL_SECONDS', 2, 0, 60),
    metricsToken,
  };
}

const HOST_PORT = /^(?:\[([0-9a-fA-F:.]+)\]|([\w.-]+)):(\d{1,5})$/;

/** `host:port,host:port,…` (IPv6 in brackets); undefined when empty. */
function readClusterNodes(
  value: string,
  problems: string[],
): { host: string; port: number }[] | undefined {
  if (value === '') return undefined;
  const nodes: { host: string; port: number }[] = [];
  for (const item of value.split(',').map((part) => part.trim())) {
    const match = HOST_PORT.exec(item);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) {
      problems.push(
        `REDIS_CLUSTER_NODES must be host:port pairs separated by commas, e.g. 10.0.0.1:6379,10.0.0.2:6379 (got "${item}")`,
      );
      return undefined;
    }
    nodes.push({ host: match[1] ?? match[2], port });
  }
  return nodes;
}

// Lifecycle webhooks
type WebhookConfig = Pick<
  AppConfig,
  | 'webhookUrl'
  | 'webhookSecret'
  | 'webhookRetryBaseSeconds'
  | 'webhookMaxAttempts'
  | 'webhookPollSeconds'
  | 'webhookTimeoutSeconds'
  | 'tokenExpiryNoticeDays'
>;

/** Optional: without WEBHOOK_URL, nothing is recorded. With it, events must be signable. */
function readWebhookConfig(read: EnvReader, nodeEnv: NodeEnv, problems: string[]): WebhookConfig {
  const webhookUrl = read.optionalUrl('WEBHOOK_URL', ['http:', 'https:']);
  const webhookSecret = read.string('WEBHOOK_SECRET', '') || undefined;
  if (webhookUrl !== undefined) {
    const url = new URL(webhookUrl);
    if (url.username || url.password) {
      problems.push('WEBHOOK_URL must not hold credentials: receivers check WEBHOOK_SECRET');
    } else if (nodeEnv === 'production' && url.protocol !== 'https:') {
      problems.push('WEBHOOK_URL must be an https:// URL in production');
    }
    if (webhookSecret === undefined) {
      problems.push('WEBHOOK_SECRET is required when WEBHOOK_URL is set (32+ random characters)');
    }
  }
  if (webhookSecret !== undefined) {
    if (webhookSecret.length < 32) {
      problems.push('WEBHOOK_SECRET must be at least 32 characters long');
    } else if (nodeEnv === 'production' && PLACEHOLDER.test(webhookSecret)) {
      problems.push('WEBHOOK_SECRET looks like a placeholder; set a random value in production');
    }
  }
  return {
    webhookUrl,
    webhookSecret,
    webhookRetryBaseSeconds: read.int('WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
    webhookMaxAttempts: read.int('WEBHOOK_MAX_ATTEMPTS', 30, 1, 100),
    webhookPollSeconds: read.int('WEBHOOK_POLL_SECONDS', 10, 1, 3600),
    webhookTimeoutSeconds: read.int('WEBHOOK_TIMEOUT_SECONDS', 10, 1, 60),
    tokenExpiryNoticeDays: read.int('TOKEN_EXPIRY_NOTICE_DAYS', 7, 1, 365),
  };
}

/**
 * Outside production an unset APP_SECRET gets a random one kept beside the data, so that
 * sessions survive a restart without any setup.
 */
function persistentDevSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return Number(value);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  /** A standard 5-field cron expression (minute, hour, day of month, month, day of week). */
  cron(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const fields = value.split(/\s+/).length;
    if (fields !== 5 || !validateCronExpression(value).valid) {
      this.problems.push(
        `${name} must be a cron expression of 5 fields: minute hour day-of-month month day-of-week, e.g. "0 3 * * *" (got "${value}")`,
      );
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      if (protocols.includes(new URL(value).protocol)) return value;
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a ${protocols.map((p) => p + '//').join(' or ')} URL`);
    return undefined;
  }

  list(name: string, fallback: '*'): true | string[] {
    const value = this.raw(name) ?? fallback;
    if (value === '*') return true;
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  trustProxy(name: string): false | string[] | number {
    const value = this.raw(name);
    if (value === undefined || value === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (value === 'true') {
      this.problems.push(
        `${name}=true would believe any client's X-Forwarded-For; name the proxies (addresses or CIDRs) or a hop count`,
      );
      return false;
    }
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}
