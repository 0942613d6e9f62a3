import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { TokenRevokeReason } from './api-token.entity.js';
import { ApiTokensRepository, type RevokedToken } from './api-tokens.repository.js';
import { tokenEvent } from './token-events.js';
import { currentTokenOf } from './token-policy.js';
import { TokenReadsService } from './token-reads.service.js';
import { TokenVerifierService } from './token-verifier.service.js';

/**
 * Ending tokens: revocation (by the owner, by the token itself, by an admin, on a leak), deletion
 * for good, and dropping what every instance cached of a user's tokens when the owner changed.
 */
@Injectable()
export class TokenRevocationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: ApiTokensRepository,
    private readonly reads: TokenReadsService,
    private readonly verifier: TokenVerifierService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  /** Revokes the token that authenticated the request: any token may retire itself. */
  async revokeCurrent(principal: AuthPrincipal, actor: AuditActor): Promise<void> {
    await this.revoke(principal.userId, currentTokenOf(principal), actor, 'self');
  }

  /**
   * Revokes a token now (also one still in a rotation's grace period). Revoking it again is
   * not an error. `ownerId` null: any user's token (admins).
   */
  async revoke(
    ownerId: string | null,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason = 'revoked',
  ): Promise<void> {
    const revoked = await this.uow.run((tx) => this.revokeIn(tx, ownerId, id, actor, reason));
    if (!revoked) await this.reads.find(this.tokens.manager, ownerId, id);
  }

  /**
   * Revokes a token, then deletes its row in the same transaction: nothing of it is left but
   * its audit events (`token.revoked` when it was active, and `token.deleted`). `ownerId` null:
   * any user's token (admins).
   */
  async deletePermanently(
    ownerId: string | null,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason = 'revoked',
  ): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.revokeIn(tx, ownerId, id, actor, reason);
      const deleted = await this.tokens.delete(id, ownerId, tx.manager);
      if (!deleted) throw notFound('API token');
      await this.audit.record(
        actor,
        { action: 'token.deleted', targetType: 'token', targetId: id, ownerId: deleted.userId },
        tx.manager,
      );
      tx.afterCommit(() => this.verifier.invalidate([deleted.tokenHash]));
    });
  }

  /**
   * Revokes a token in `tx` (a use case of another module may have opened it); what it revoked,
   * or null when the token was not active.
   */
  async revokeIn(
    tx: Tx,
    ownerId: string | null,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason,
  ): Promise<RevokedToken | null> {
    const m = tx.manager;
    const row = await this.tokens.revoke(id, ownerId, reason, m);
    if (!row) return null;
    await this.audit.record(
      actor,
      {
        action: 'token.revoked',
        targetType: 'token',
        targetId: id,
        ownerId: row.userId,
        details: { reason },
      },
      m,
    );
    if (this.webhooks.enabled) {
      const token = await this.tokens.findById(id, m);
      await this.webhooks.enqueue([tokenEvent('token.revoked', token, { reason })], tx);
    }
    tx.afterCommit(() => this.verifier.invalidate([row.tokenHash]));
    return row;
  }

  /**
   * After `tx` commits, every instance forgets what it cached of the user's active tokens: the
   * owner's role or standing changed in `tx`, and the next request must see it.
   */
  async forgetUser(userId: string, tx: Tx): Promise<void> {
    const hashes = await this.tokens.activeHashesOf(userId, tx.manager);
    if (hashes.length > 0) tx.afterCommit(() => this.verifier.invalidate(hashes));
  }
}
