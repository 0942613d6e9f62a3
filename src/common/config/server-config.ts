import { resolve } from 'node:path';
import type { EnvReader } from './env-reader.js';

export type NodeEnv = 'development' | 'production' | 'test';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The HTTP server: where it listens, what it logs, whom it believes, the deployment's policy. */
export interface ServerConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
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
}

export function readServerConfig(read: EnvReader): ServerConfig {
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  const policyFile = read.string('POLICY_FILE', '');
  return {
    nodeEnv,
    host: read.string('HOST', '0.0.0.0'),
    port: read.int('PORT', 3000, 0, 65535),
    requestTimeoutSeconds: read.int('REQUEST_TIMEOUT_SECONDS', 30, 1, 300),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    trustProxy: read.trustProxy('TRUST_PROXY'),
    corsOrigins: read.list('CORS_ORIGINS', '*'),
    policyFile: policyFile ? resolve(policyFile) : undefined,
  };
}
