import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLACEHOLDER, type Env } from './env-reader.js';
import type { NodeEnv } from './server-config.js';

export interface SecretConfig {
  /** Root secret; purpose-specific keys are derived from it (see `common/crypto`). */
  readonly appSecret: string;
}

/** APP_SECRET: required and real in production, made up once and kept outside it. */
export function readSecretConfig(
  env: Env,
  nodeEnv: NodeEnv,
  dataDir: string,
  problems: string[],
): SecretConfig {
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
  return { appSecret: appSecret ?? '' };
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
