import type { EnvReader } from '../common/config/env-reader.js';

export const REGISTRATION_MODES = ['open', 'invite', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** Who may sign up, and the throttles of unauthenticated work; read once at boot. */
export abstract class AuthConfig {
  /**
   * `open`: anyone may register; `invite`: only emails with a pending organization invitation;
   * `closed`: nobody (accounts come from an admin).
   */
  readonly registration: RegistrationMode;
  /** Leak reports (POST /credentials/revoke) accepted a minute from all clients together. */
  readonly leakReportsPerMinute: number;
}

export function readAuthConfig(read: EnvReader): AuthConfig {
  return {
    registration: read.oneOf('REGISTRATION', REGISTRATION_MODES, 'open'),
    leakReportsPerMinute: read.int('LEAK_REPORTS_PER_MINUTE', 60, 1, 1_000_000),
  };
}
