import { Injectable } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import type { KeyObject } from 'node:crypto';
import { constantTimeEqual, deriveKey, hmacKey, hmacSha256 } from '../common/crypto/crypto.js';
import { ROLES, type Role } from '../common/auth/scopes.js';

export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Session id: the token is only as alive as its session. */
  sid: string;
  role: Role;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** Tokens verified lately: a client sends the same token many times in its 15 minutes. */
const VERIFIED_CACHE_SIZE = 10_000;
/** Exactly one spelling of a token is valid: base64url without padding or stray characters. */
const CANONICAL = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

/**
 * Session access tokens: compact HS256 JWTs. Verifying one costs an HMAC and no I/O; whether its
 * session is still alive is asked of the session cache.
 */
@Injectable()
export class AccessTokenService {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, AccessClaims>();
  readonly ttlSeconds: number;

  constructor(config: AppConfig) {
    this.key = hmacKey(deriveKey(config.appSecret, 'session-access-token'));
    this.ttlSeconds = config.accessTokenTtlSeconds;
  }

  issue(subject: { userId: string; sessionId: string; role: Role }, now: Date) {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = {
      sub: subject.userId,
      sid: subject.sessionId,
      role: subject.role,
      iat,
      exp: iat + this.ttlSeconds,
    };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${body}.${this.sign(body).toString('base64url')}`, expiresAt: claims.exp };
  }

  /** The claims of a well-formed, correctly signed, unexpired token; otherwise null. */
  verify(token: string, nowMs = Date.now()): AccessClaims | null {
    const claims = this.check(token, nowMs);
    return typeof claims === 'string' ? null : claims;
  }

  /**
   * The claims of a well-formed, correctly signed, unexpired token; otherwise whether it is
   * one of ours that expired, or not one of ours at all.
   */
  check(token: string, nowMs = Date.now()): AccessClaims | 'NOT_FOUND' | 'EXPIRED' {
    // Keyed by the whole token, signature included: only what verified fully gets in.
    const known = this.verified.get(token);
    if (known) return known.exp * 1000 > nowMs ? known : 'EXPIRED';
    const claims = this.verifyFully(token);
    if (!claims) return 'NOT_FOUND';
    if (claims.exp * 1000 <= nowMs) return 'EXPIRED';
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, claims);
    return claims;
  }

  /** The claims of a well-formed, correctly signed token, expired or not; otherwise null. */
  private verifyFully(token: string): AccessClaims | null {
    if (!CANONICAL.test(token)) return null;
    const firstDot = token.indexOf('.');
    const lastDot = token.lastIndexOf('.');
    if (firstDot <= 0 || lastDot === firstDot || token.slice(0, firstDot) !== HEADER) return null;
    const body = token.slice(0, lastDot);
    // Compared as text: decoding would ignore the spare bits of the last character and accept
    // several spellings of one signature.
    const signature = Buffer.from(token.slice(lastDot + 1));
    if (!constantTimeEqual(signature, Buffer.from(this.sign(body).toString('base64url')))) {
      return null;
    }
    let claims: AccessClaims;
    try {
      claims = JSON.parse(
        Buffer.from(token.slice(firstDot + 1, lastDot), 'base64url').toString(),
      ) as AccessClaims;
    } catch {
      return null;
    }
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      !ROLES.includes(claims.role) ||
      typeof claims.exp !== 'number'
    ) {
      return null;
    }
    return claims;
  }

  private sign(body: string): Buffer {
    return hmacSha256(this.key, body);
  }
}
