import { Injectable } from '@nestjs/common';
import { CredentialCache } from '../common/cache/credential-cache.js';
import type { Role } from '../common/auth/scopes.js';
import { AppConfig } from '../common/config/app-config.js';

export interface SessionState {
  userId: string;
  /** The user's role now: a role change applies to live sessions without a new token. */
  role: Role;
  revoked: boolean;
  /** Epoch ms at which the session ends (the earlier of idle and absolute expiry). */
  endsAt: number;
}

/** What the per-request session check reads, by session id (null: no such session). */
@Injectable()
export class SessionCache extends CredentialCache<SessionState | null> {
  constructor(config: AppConfig) {
    super(config.sessionCacheTtlSeconds * 1000);
  }
}
