import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { ROLE_SCOPES, type Role } from '../common/auth/scopes.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import {
  deriveKey,
  hmacSha256,
  open,
  randomSecret,
  seal,
  sha256,
} from '../common/crypto/crypto.js';
import { DomainError, invalidToken, notFound } from '../common/errors/domain-error.js';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import { AccessTokenService, type AccessClaims } from './access-token.service.js';
import type { ClientContext } from './client-context.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionCache, type SessionState } from './session-cache.js';
import { Session, type SessionRevokeReason } from './session.entity.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  sessionId: string;
}

const REFRESH_PREFIX = 'tsrr_';
const DAY_MS = 86_400_000;

type RefreshOutcome =
  | { kind: 'issued'; pair: TokenPair; rotated?: boolean }
  | { kind: 'invalid' }
  | { kind: 'reused'; sessionId: string };

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly successorKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenService,
    private readonly cache: SessionCache,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.successorKey = deriveKey(config.appSecret, 'refresh-successor');
  }

  /**
   * Opens a session for a user who has just proved who they are with the password whose hash
   * is `user.passwordHash`. Returns null when that password changed meanwhile: a session opened
   * with the old password must not outlive the change.
   */
  async start(
    user: { id: string; role: Role; passwordHash: string },
    client: ClientContext,
  ): Promise<TokenPair | null> {
    const opened = await this.dataSource.transaction(async (m) => {
      // Serialises one user's logins with each other (one active session per device) and with
      // password changes, which update this row.
      const [current]: { password_hash: string }[] = await m.query(
        'SELECT password_hash FROM users WHERE id = $1 FOR UPDATE',
        [user.id],
      );
      if (current?.password_hash !== user.passwordHash) return null;
      const actor: AuditActor = {
        userId: user.id,
        via: 'password',
        ip: client.ip,
        userAgent: client.userAgent,
      };
      const replaced = client.deviceId
        ? await this.revokeWhere(
            m,
            actor,
            'replaced_by_new_login',
            'user_id = $1 AND device_id = $2',
            [user.id, client.deviceId],
          )
        : [];
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.config.sessionMaxDays * DAY_MS);
      const session = await m.save(
        m.create(Session, {
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
        }),
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
      return { pair: await this.issuePair(m, session, user.role, now), replaced };
    });
    if (!opened) return null;
    this.cache.invalidate(opened.replaced);
    return opened.pair;
  }

  /**
   * Rotates a refresh token. The session row is locked for the decision, so concurrent
   * presentations of one token see each other: the first rotates, the rest (within the grace
   * window) receive the very pair the first one got.
   */
  async refresh(refreshToken: string, client: ClientContext): Promise<TokenPair> {
    if (!refreshToken.startsWith(REFRESH_PREFIX)) throw this.invalidRefresh();
    const hash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (m): Promise<RefreshOutcome> => {
      const found = await m.findOneBy(RefreshToken, { tokenHash: hash });
      if (!found) return { kind: 'invalid' };
      const session = await m
        .createQueryBuilder(Session, 's')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: found.sessionId })
        .getOne();
      const now = new Date();
      if (!session?.isActive(now)) return { kind: 'invalid' };
      // Read again under the lock: a concurrent refresh may have rotated it meanwhile.
      const token = await m.findOneByOrFail(RefreshToken, { id: found.id });

      if (!token.replacedAt) {
        const [{ role }]: { role: Role }[] = await m.query('SELECT role FROM users WHERE id = $1', [
          session.userId,
        ]);
        session.lastUsedAt = now;
        session.idleExpiresAt = this.idleEnd(now, session.expiresAt);
        session.ip = client.ip || session.ip;
        session.userAgent = client.userAgent ?? session.userAgent;
        await m.save(session);
        const pair = await this.issuePair(m, session, role, now);
        const successor = JSON.stringify({
          accessToken: pair.accessToken,
          refreshToken: pair.refreshToken,
          expiresAt: now.getTime() + pair.expiresIn * 1000,
        });
        await m.update(RefreshToken, token.id, {
          replacedAt: now,
          successor: seal(this.successorKeyFor(refreshToken), successor),
        });
        return { kind: 'issued', pair, rotated: true };
      }

      if (now.getTime() - token.replacedAt.getTime() <= this.config.refreshGraceSeconds * 1000) {
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
        };
      }

      // A replaced token presented after the grace window: it was stolen, or the client is
      // broken. Either way the session can no longer be trusted.
      await this.revokeWhere(
        m,
        { userId: null, via: 'refresh_token', ip: client.ip, userAgent: client.userAgent },
        'refresh_token_reuse',
        'id = $1',
        [session.id],
      );
      return { kind: 'reused', sessionId: session.id };
    });

    if (outcome.kind === 'issued') {
      // The idle expiry moved: a cached copy of the session would end it too early.
      if (outcome.rotated) this.cache.invalidate([outcome.pair.sessionId]);
      return outcome.pair;
    }
    if (outcome.kind === 'reused') {
      this.cache.invalidate([outcome.sessionId]);
      this.logger.warn({ sessionId: outcome.sessionId }, 'Refresh token reuse: session revoked');
    }
    throw this.invalidRefresh();
  }

  /** The per-request check of a session access token. */
  async authenticate(accessToken: string): Promise<AuthPrincipal> {
    const live = await this.inspect(accessToken);
    if (!live) throw invalidToken();
    const { claims, state } = live;
    return {
      userId: claims.sub,
      role: state.role,
      scopes: ROLE_SCOPES[state.role],
      sessionId: claims.sid,
    };
  }

  /** A session access token's claims and its session's state, when both are live; else null. */
  async inspect(
    accessToken: string,
  ): Promise<{ claims: AccessClaims; state: SessionState } | null> {
    const claims = this.accessTokens.verify(accessToken);
    if (!claims) return null;
    const state = await this.cache.get(claims.sid, (id) => this.loadState(id));
    if (!state || state.revoked || state.endsAt <= Date.now() || state.userId !== claims.sub) {
      return null;
    }
    return { claims, state };
  }

  /** Whether a session is live right now, as seen inside `m`'s transaction. */
  async isLive(sessionId: string, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM sessions
       WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()`,
      [sessionId],
    );
    return rows.length === 1;
  }

  /** Active sessions of a user, newest first. */
  listActive(userId: string): Promise<Session[]> {
    return this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL', { userId })
      .andWhere('s.expires_at > now() AND s.idle_expires_at > now()')
      .orderBy('s.created_at', 'DESC')
      .getMany();
  }

  /** Revokes one session of a user; revoking it again is not an error. */
  async revoke(
    userId: string,
    sessionId: string,
    reason: SessionRevokeReason,
    actor: AuditActor,
  ): Promise<void> {
    const revoked = await this.dataSource.transaction((m) =>
      this.revokeWhere(m, actor, reason, 'id = $1 AND user_id = $2', [sessionId, userId]),
    );
    if (revoked.length > 0) {
      this.cache.invalidate(revoked);
      return;
    }
    const exists = await this.dataSource.getRepository(Session).existsBy({ id: sessionId, userId });
    if (!exists) throw notFound('Session');
  }

  /**
   * Revokes every live session of a user but `except`. `alongWith` runs in the same
   * transaction (a password change, say), and the caches learn of it only after the commit.
   */
  async revokeAll(
    userId: string,
    reason: SessionRevokeReason,
    options: {
      actor?: AuditActor;
      except?: string;
      alongWith?: (m: EntityManager) => Promise<void>;
    } = {},
  ): Promise<string[]> {
    const actor = options.actor ?? SYSTEM_ACTOR;
    const revoked = await this.dataSource.transaction(async (m) => {
      await options.alongWith?.(m);
      return options.except
        ? this.revokeWhere(m, actor, reason, 'user_id = $1 AND id <> $2', [userId, options.except])
        : this.revokeWhere(m, actor, reason, 'user_id = $1', [userId]);
    });
    this.cache.invalidate(revoked);
    return revoked;
  }

  private async issuePair(
    m: EntityManager,
    session: Session,
    role: Role,
    now: Date,
  ): Promise<TokenPair> {
    const refreshToken = REFRESH_PREFIX + randomSecret(32);
    await m.insert(RefreshToken, { sessionId: session.id, tokenHash: sha256(refreshToken) });
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

  /** Revokes the live sessions matching `where`, audited; returns their ids. */
  private async revokeWhere(
    m: EntityManager,
    actor: AuditActor,
    reason: SessionRevokeReason,
    where: string,
    params: unknown[],
  ): Promise<string[]> {
    const n = params.length;
    const rows: { id: string; user_id: string }[] = await m.query(
      `UPDATE sessions SET revoked_at = now(), revoke_reason = $${n + 1}
       WHERE ${where} AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()
       RETURNING id, user_id`,
      [...params, reason],
    );
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query().
    const list = Array.isArray(rows[0])
      ? (rows[0] as unknown as { id: string; user_id: string }[])
      : rows;
    await this.audit.record(
      actor,
      list.map((row) => ({
        action: reason === 'refresh_token_reuse' ? 'session.refresh_reuse' : 'session.revoked',
        targetType: 'session' as const,
        targetId: row.id,
        ownerId: row.user_id,
        details: { reason },
      })),
      m,
    );
    return list.map((row) => row.id);
  }

  private async loadState(sessionId: string): Promise<SessionState | null> {
    const rows: { user_id: string; role: Role; revoked: boolean; ends_at: Date }[] =
      await this.dataSource.query(
        `SELECT s.user_id, u.role, s.revoked_at IS NOT NULL AS revoked,
                LEAST(s.idle_expires_at, s.expires_at) AS ends_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = $1`,
        [sessionId],
      );
    const row = rows[0];
    return row
      ? { userId: row.user_id, role: row.role, revoked: row.revoked, endsAt: row.ends_at.getTime() }
      : null;
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
