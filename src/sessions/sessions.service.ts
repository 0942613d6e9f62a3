import { Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import { CredentialRefused } from '../common/auth/credential-refusal.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { Role } from '../common/auth/scopes.js';
import { AppConfig } from '../common/config/app-config.js';
import {
  deriveKey,
  hmacSha256,
  open,
  randomSecret,
  seal,
  sha256,
} from '../common/crypto/crypto.js';
import { DomainError, invalidToken, notFound, oauthError } from '../common/errors/domain-error.js';
import type { ClientContext } from '../common/http/client-context.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { UsersRepository } from '../users/users.repository.js';
import { AccessTokenService, type AccessClaims } from './access-token.service.js';
import { SessionCache, type SessionState } from './session-cache.js';
import type { Session, SessionRevokeReason } from './session.entity.js';
import { SessionsRepository, type SessionSelector } from './sessions.repository.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  sessionId: string;
}

const REFRESH_PREFIX = 'tsrr_';
const DAY_MS = 86_400_000;

/** A pair and the scopes its access token carries (the OAuth answer's `scope`). */
export interface ScopedTokenPair {
  pair: TokenPair;
  scopes: readonly string[];
}

type RefreshOutcome =
  | { kind: 'issued'; pair: TokenPair; scopes: readonly string[] }
  | { kind: 'invalid' }
  | { kind: 'invalid_scope'; scope: string }
  | { kind: 'reused'; sessionId: string };

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly successorKey: Buffer;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly cache: SessionCache,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly registry: ScopeRegistry,
  ) {
    this.successorKey = deriveKey(config.appSecret, 'refresh-successor');
  }

  /**
   * Opens a session for a user who has just proved who they are with the password whose hash
   * is `user.passwordHash`. Returns null when that password changed meanwhile: a session opened
   * with the old password must not outlive the change. `scopes` (the OAuth grant's `scope`,
   * already checked against the role) narrows its access tokens; null: every scope of the role.
   */
  start(
    user: { id: string; role: Role; passwordHash: string },
    client: ClientContext,
    scopes: readonly string[] | null = null,
  ): Promise<TokenPair | null> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      // Serialises one user's logins with each other (one active session per device) and with
      // password changes, which update this row.
      const current = await this.users.lockRow(user.id, m);
      // A disabled account gets the answer of a wrong password, also when disabled just now.
      if (current?.passwordHash !== user.passwordHash || current.disabled) return null;
      await this.users.recordLogin(user.id, m);
      const actor: AuditActor = {
        userId: user.id,
        via: 'password',
        ip: client.ip,
        userAgent: client.userAgent,
      };
      if (client.deviceId) {
        await this.revokeIn(
          tx,
          { userId: user.id, deviceId: client.deviceId },
          'replaced_by_new_login',
          actor,
        );
      }
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.config.sessionMaxDays * DAY_MS);
      const session = await this.sessions.insert(
        {
          userId: user.id,
          deviceId: client.deviceId,
          deviceName: client.deviceName,
          ip: client.ip || null,
          userAgent: client.userAgent,
          lastUsedAt: now,
          idleExpiresAt: this.idleEnd(now, expiresAt),
          expiresAt,
          revokedAt: null,
          revokeReason: null,
          scopes: scopes && [...scopes],
        },
        m,
      );
      await this.audit.record(
        actor,
        {
          action: 'session.created',
          targetType: 'session',
          targetId: session.id,
          ownerId: user.id,
          details: client.deviceId ? { deviceId: client.deviceId } : {},
        },
        m,
      );
      return this.issuePair(tx, session, user.role, now);
    });
  }

  /**
   * Rotates a refresh token. The session row is locked for the decision, so concurrent
   * presentations of one token see each other: the first rotates, the rest (within the grace
   * window) receive the very pair the first one got.
   */
  async refresh(refreshToken: string, client: ClientContext): Promise<TokenPair> {
    return (await this.refreshScoped(refreshToken, client)).pair;
  }

  /**
   * {@link refresh}, for the OAuth `refresh_token` grant: `requested` (its `scope`) may only
   * narrow the session further (RFC 6749 §6), and the answer says what the tokens carry.
   * @throws the OAuth `invalid_scope` error, with nothing changed, for a scope beyond the session's
   */
  async refreshScoped(
    refreshToken: string,
    client: ClientContext,
    requested?: readonly string[],
  ): Promise<ScopedTokenPair> {
    if (!refreshToken.startsWith(REFRESH_PREFIX)) throw this.invalidRefresh();
    const hash = sha256(refreshToken);
    const outcome = await this.uow.run(async (tx): Promise<RefreshOutcome> => {
      const m = tx.manager;
      const found = await this.sessions.findRefreshToken({ tokenHash: hash }, m);
      if (!found) return { kind: 'invalid' };
      const session = await this.sessions.lock(found.sessionId, m);
      const now = new Date();
      if (!session?.isActive(now)) return { kind: 'invalid' };
      // Read again under the lock: a concurrent refresh may have rotated it meanwhile.
      const token = (await this.sessions.findRefreshToken({ id: found.id }, m))!;

      const standing = (await this.users.standingOf(session.userId, m))!;
      // Refused like a revoked session, and left alone: enabling the account brings it back.
      if (standing.disabled) return { kind: 'invalid' };
      const role = standing.role;
      const held = this.carried(role, session.scopes);
      // Checked only where a pair would be handed out: a reused token still revokes the session.
      const beyond = requested?.find((scope) => !held.includes(scope));

      if (!token.replacedAt) {
        if (beyond !== undefined) return { kind: 'invalid_scope', scope: beyond };
        if (requested !== undefined) session.scopes = [...requested];
        session.lastUsedAt = now;
        session.idleExpiresAt = this.idleEnd(now, session.expiresAt);
        session.ip = client.ip || session.ip;
        session.userAgent = client.userAgent ?? session.userAgent;
        await this.sessions.save(session, m);
        const pair = await this.issuePair(tx, session, role, now);
        const successor = JSON.stringify({
          accessToken: pair.accessToken,
          refreshToken: pair.refreshToken,
          expiresAt: now.getTime() + pair.expiresIn * 1000,
        });
        await this.sessions.markRefreshTokenReplaced(
          token.id,
          now,
          seal(this.successorKeyFor(refreshToken), successor),
          m,
        );
        // The idle expiry (and the scopes) moved: a cached copy of the session is out of date.
        tx.afterCommit(() => this.cache.invalidateEverywhere([session.id]));
        return { kind: 'issued', pair, scopes: this.carried(role, session.scopes) };
      }

      if (now.getTime() - token.replacedAt.getTime() <= this.config.refreshGraceSeconds * 1000) {
        if (beyond !== undefined) return { kind: 'invalid_scope', scope: beyond };
        const opened = token.successor && open(this.successorKeyFor(refreshToken), token.successor);
        if (!opened) return { kind: 'invalid' };
        const stored = JSON.parse(opened) as {
          accessToken: string;
          refreshToken: string;
          expiresAt: number;
        };
        return {
          kind: 'issued',
          pair: {
            accessToken: stored.accessToken,
            refreshToken: stored.refreshToken,
            tokenType: 'Bearer',
            expiresIn: Math.max(0, Math.floor((stored.expiresAt - now.getTime()) / 1000)),
            sessionId: session.id,
          },
          scopes: held,
        };
      }

      // A replaced token presented after the grace window: it was stolen, or the client is
      // broken. Either way the session can no longer be trusted.
      await this.revokeIn(tx, { sessionId: session.id }, 'refresh_token_reuse', {
        userId: null,
        via: 'refresh_token',
        ip: client.ip,
        userAgent: client.userAgent,
      });
      return { kind: 'reused', sessionId: session.id };
    });

    if (outcome.kind === 'issued') return { pair: outcome.pair, scopes: outcome.scopes };
    if (outcome.kind === 'invalid_scope') {
      throw oauthError(
        'invalid_scope',
        `The scope "${outcome.scope}" was not granted to this session: a refresh may only narrow it`,
      );
    }
    if (outcome.kind === 'reused') {
      this.logger.warn({ sessionId: outcome.sessionId }, 'Refresh token reuse: session revoked');
    }
    throw this.invalidRefresh();
  }

  /** The per-request check of a session access token. */
  /**
   * The principal of a live session access token.
   * @throws CredentialRefused saying why it is not one.
   */
  async authenticate(accessToken: string): Promise<AuthPrincipal> {
    const live = await this.check(accessToken);
    if (typeof live === 'string') throw CredentialRefused.because(live);
    const { claims, state } = live;
    return {
      userId: claims.sub,
      role: state.role,
      scopes: this.carried(state.role, state.scopes),
      sessionId: claims.sid,
      expiresAt: Math.min(claims.exp * 1000, state.endsAt),
      account: state.account,
      authTime: state.authTime,
      mfaEnrollmentRequired:
        this.config.requireMfaForAdmins && state.role === 'admin' && !state.secondFactor,
    };
  }

  /** The scopes a session's access tokens carry now (RFC 7662 `scope` of introspection). */
  scopesOf(state: SessionState): readonly string[] {
    return this.carried(state.role, state.scopes);
  }

  /**
   * Every scope the role may hold, the policy file's included, or of those only the ones the
   * session was narrowed to: a role change or a scope dropped from the file applies at once.
   */
  private carried(role: Role, narrowed: readonly string[] | null): readonly string[] {
    const granted = this.registry.scopesOf(role);
    return narrowed ? granted.filter((scope) => narrowed.includes(scope)) : granted;
  }

  /**
   * Whether `token` is one of this service's session access tokens (correctly signed, expired
   * or not): anything else that is not a `tsr_` token may be an imported API token.
   */
  recognizes(token: string): boolean {
    return this.accessTokens.check(token) !== 'NOT_FOUND';
  }

  /** A session access token's claims and its session's state, when both are live; else null. */
  async inspect(
    accessToken: string,
  ): Promise<{ claims: AccessClaims; state: SessionState } | null> {
    const live = await this.check(accessToken);
    return typeof live === 'string' ? null : live;
  }

  private async check(
    accessToken: string,
  ): Promise<
    | { claims: AccessClaims; state: SessionState }
    | 'NOT_FOUND'
    | 'EXPIRED'
    | 'REVOKED'
    | 'USER_DISABLED'
  > {
    const claims = this.accessTokens.check(accessToken);
    if (typeof claims === 'string') return claims;
    const state = await this.cache.get(claims.sid, (id) => this.sessions.loadState(id));
    if (!state || state.userId !== claims.sub) return 'NOT_FOUND';
    if (state.revoked) return 'REVOKED';
    if (state.endsAt <= Date.now()) return 'EXPIRED';
    if (state.disabled) return 'USER_DISABLED';
    return { claims, state };
  }

  /** Whether a session is live right now, as seen inside `tx`'s transaction. */
  isLive(sessionId: string, tx: Tx): Promise<boolean> {
    return this.sessions.isLive(sessionId, tx.manager);
  }

  /**
   * After `tx` commits, every instance forgets what it cached of the user's live sessions: the
   * user's role or standing changed in `tx`, and the next request must see it.
   */
  async forgetUser(userId: string, tx: Tx): Promise<void> {
    const ids = await this.sessions.activeIdsOf(userId, tx.manager);
    if (ids.length > 0) tx.afterCommit(() => this.cache.invalidate(ids));
  }

  /** How many live sessions each of these users has (absent: none). */
  countActive(userIds: readonly string[]): Promise<Map<string, number>> {
    return this.sessions.countActive(userIds);
  }

  /** Active sessions of a user, newest first. */
  listActive(userId: string): Promise<Session[]> {
    return this.sessions.listActive(userId);
  }

  /** Revokes one session of a user; revoking it again is not an error. */
  async revoke(
    userId: string,
    sessionId: string,
    reason: SessionRevokeReason,
    actor: AuditActor,
  ): Promise<void> {
    const revoked = await this.uow.run((tx) =>
      this.revokeIn(tx, { sessionId, userId }, reason, actor),
    );
    if (revoked.length > 0) return;
    if (!(await this.sessions.exists(sessionId, userId))) throw notFound('Session');
  }

  /**
   * Revokes every live session of a user but `except`, in `tx` when the caller's use case
   * (a password change, say) opened one; the caches learn of it only after the commit.
   */
  revokeAll(
    userId: string,
    reason: SessionRevokeReason,
    options: { actor?: AuditActor; except?: string } = {},
    tx?: Tx,
  ): Promise<string[]> {
    return this.uow.run(
      (inner) =>
        this.revokeIn(
          inner,
          { userId, except: options.except },
          reason,
          options.actor ?? SYSTEM_ACTOR,
        ),
      tx,
    );
  }

  private async issuePair(tx: Tx, session: Session, role: Role, now: Date): Promise<TokenPair> {
    const refreshToken = REFRESH_PREFIX + randomSecret(32);
    await this.sessions.insertRefreshToken(session.id, sha256(refreshToken), tx.manager);
    const access = this.accessTokens.issue(
      { userId: session.userId, sessionId: session.id, role },
      now,
    );
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      sessionId: session.id,
    };
  }

  /** Revokes the live sessions `which` selects, audited, cache entries dropped after the commit. */
  private async revokeIn(
    tx: Tx,
    which: SessionSelector,
    reason: SessionRevokeReason,
    actor: AuditActor,
  ): Promise<string[]> {
    const revoked = await this.sessions.revoke(which, reason, tx.manager);
    await this.audit.record(
      actor,
      revoked.map((row) => ({
        action: reason === 'refresh_token_reuse' ? 'session.refresh_reuse' : 'session.revoked',
        targetType: 'session' as const,
        targetId: row.id,
        ownerId: row.userId,
        details: { reason },
      })),
      tx.manager,
    );
    const ids = revoked.map((row) => row.id);
    if (ids.length > 0) tx.afterCommit(() => this.cache.invalidateEverywhere(ids));
    return ids;
  }

  /** Only whoever holds the replaced token can open its successor. */
  private successorKeyFor(refreshToken: string): Buffer {
    return hmacSha256(this.successorKey, refreshToken);
  }

  private idleEnd(now: Date, expiresAt: Date): Date {
    const idle = new Date(now.getTime() + this.config.sessionIdleDays * DAY_MS);
    return idle < expiresAt ? idle : expiresAt;
  }

  private invalidRefresh(): DomainError {
    return invalidToken('The refresh token is invalid, expired or revoked');
  }
}
