import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../common/config/app-config.js';
import { sha256Base64 } from '../common/crypto/crypto.js';
import {
  RateLimiter,
  rateLimited,
  type RateLimitResult,
  type RateWindow,
} from '../common/rate-limit/rate-limiter.js';
import { MetricsService, type HotChild } from '../common/metrics/metrics.service.js';
import { normalizeEmail } from '../users/email.js';
import { AuthConfig } from './auth-config.js';

export type ThrottledAction =
  | 'register'
  | 'login'
  | 'refresh'
  | 'password-change'
  | 'password-reset'
  | 'password-reset-confirm'
  | 'credentials-revoke';

/** Sign-ins a client address may try a minute, as a multiple of AUTH_RATE_PER_MINUTE. */
const ADDRESS_FACTOR = 5;
/** Sign-ins an email may take a minute at full speed, as a multiple of AUTH_RATE_PER_MINUTE. */
const EMAIL_FULL_SPEED_FACTOR = 1;
/** Each sign-in of an email beyond that waits this much longer than the one before... */
const EMAIL_DELAY_STEP_MS = 20;
/** ... up to this: slowed down, never locked out. */
const EMAIL_DELAY_MAX_MS = 1_000;
/** A counter that never refuses: only its count is read. */
const UNCAPPED = 2 ** 31 - 1;

/**
 * AUTH_RATE_PER_MINUTE attempts a minute per client address and, separately, per email (the
 * token refreshes per client address only). Sign-ins are counted per email+address
 * (AUTH_RATE_PER_MINUTE) and per address (five times that) instead: an email is never locked out
 * by someone else's failures, only slowed.
 */
@Injectable()
export class AuthThrottleService {
  private readonly refusals: HotChild;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly auth: AuthConfig,
    metrics: MetricsService,
  ) {
    this.refusals = metrics.rateLimitRefusals.child({ limit: 'auth' });
  }

  async attempt(action: ThrottledAction, keys: { ip?: string; email?: string; userId?: string }) {
    const buckets = [
      keys.ip && `auth:${action}:ip:${keys.ip}`,
      keys.email && `auth:${action}:email:${emailKey(keys.email)}`,
      keys.userId && `auth:${action}:user:${keys.userId}`,
    ].filter((key): key is string => Boolean(key));
    await this.consume(
      buckets,
      this.config.authRatePerMinute,
      'Too many attempts; try again later',
    );
  }

  /**
   * A sign-in with a password (login, browser login, the OAuth password grant): refused when the
   * client address, or that address on this email, is over its allowance; beyond its own
   * allowance an email only waits a little longer each time (from every address together), so
   * that wrong passwords from elsewhere never refuse the right one from an address that has
   * not failed.
   */
  async signIn(keys: { ip: string; email: string }): Promise<void> {
    const email = emailKey(keys.email);
    const limit = this.config.authRatePerMinute;
    await this.consumeWindows(
      [
        // An office behind one address signs several people in.
        { key: `auth:login:ip:${keys.ip}`, limit: limit * ADDRESS_FACTOR, windowSeconds: 60 },
        {
          key: `auth:login:pair:${sha256Base64(`${email}\n${keys.ip}`)}`,
          limit,
          windowSeconds: 60,
        },
      ],
      'Too many attempts; try again later',
    );
    const counted = await this.limiter.consume(`auth:login:email:${email}`, UNCAPPED, 60);
    const over =
      UNCAPPED - counted.remaining - this.config.authRatePerMinute * EMAIL_FULL_SPEED_FACTOR;
    if (over > 0) await sleep(Math.min(EMAIL_DELAY_MAX_MS, over * EMAIL_DELAY_STEP_MS));
  }

  /**
   * A leak report: per client address, and LEAK_REPORTS_PER_MINUTE from everyone together, so
   * that the lookups reports cost after their answer stay bounded however many addresses send.
   */
  async leakReport(ip: string): Promise<void> {
    await this.attempt('credentials-revoke', { ip });
    await this.consume(
      ['auth:credentials-revoke:all'],
      this.auth.leakReportsPerMinute,
      'Too many reports just now; try again later',
    );
  }

  private consume(keys: string[], limit: number, message: string): Promise<void> {
    return this.consumeWindows(
      keys.map((key) => ({ key, limit, windowSeconds: 60 })),
      message,
    );
  }

  private async consumeWindows(windows: RateWindow[], message: string): Promise<void> {
    // Counters of different subjects (address, email): separate decisions, which Redis Cluster
    // may keep on different nodes.
    const results: RateLimitResult[] = await Promise.all(
      windows.map((window) => this.limiter.consume(window.key, window.limit, window.windowSeconds)),
    );
    const refused = results.find((result) => !result.allowed);
    if (refused) {
      this.refusals.inc();
      throw rateLimited(refused, message);
    }
  }
}

/** Hashed: counters may live in a shared Redis, where addresses need not be readable. */
function emailKey(email: string): string {
  return sha256Base64(normalizeEmail(email));
}
