import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthPrincipal, userIdOf } from '../common/auth/principal.js';
import { notFound } from '../common/errors/domain-error.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { TokenRevokeReason } from './api-token.entity.js';
import {
  ApiTokensRepository,
  type RevokedToken,
  type TokenOwner,
  type TokenOwnerRef,
} from './api-tokens.repository.js';
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
    const id = currentTokenOf(principal);
    // An organization's token is found by id alone: it is the very token of this request.
    await this.revoke(
      principal.orgId !== undefined ? null : userIdOf(principal),
      id,
      actor,
      'self',
    );
  }

  /**
   * Revokes a token now (also one still in a rotation's grace period). Revoking it again is
   * not an error. `ownerId` null: any user's token (admins).
   */
  async revoke(
    owner: TokenOwnerRef,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason = 'revoked',
  ): Promise<void> {
    const revoked = await this.uow.run((tx) => this.revokeIn(tx, owner, id, actor, reason));
    if (!revoked) await this.reads.find(this.tokens.manager, owner, id);
  }

  /**
   * Revokes a token, then deletes its row in the same transaction: nothing of it is left but
   * its audit events (`token.revoked` when it was active, and `token.deleted`). `ownerId` null:
   * any user's token (admins).
   */
  async deletePermanently(
    owner: TokenOwnerRef,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason = 'revoked',
  ): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.revokeIn(tx, owner, id, actor, reason);
      const deleted = await this.tokens.delete(id, owner, tx.manager);
      if (!deleted) throw notFound('API token');
      await this.audit.record(
        actor,
        {
          action: 'token.deleted',
          targetType: 'token',
          targetId: id,
          ownerId: deleted.userId,
          orgId: deleted.orgId,
        },
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
    owner: TokenOwnerRef,
    id: string,
    actor: AuditActor,
    reason: TokenRevokeReason,
  ): Promise<RevokedToken | null> {
    const m = tx.manager;
    const row = await this.tokens.revoke(id, owner, reason, m);
    if (!row) return null;
    await this.audit.record(
      actor,
      {
        action: 'token.revoked',
        targetType: 'token',
        targetId: id,
        ownerId: row.userId,
        orgId: row.orgId,
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
   * Revokes every active token of an organization in `tx` (it is being deleted): each with its
   * audit event and webhook; every instance drops them after the commit. How many it revoked.
   */
  async revokeAllOfOrg(tx: Tx, orgId: string, actor: AuditActor): Promise<number> {
    const m = tx.manager;
    const rows = await this.tokens.revokeAllOfOrg(orgId, 'org_deleted', m);
    if (rows.length === 0) return 0;
    await this.audit.record(
      actor,
      rows.map((row) => ({
        action: 'token.revoked' as const,
        targetType: 'token' as const,
        targetId: row.id,
        ownerId: null,
        orgId,
        details: { reason: 'org_deleted' },
      })),
      m,
    );
    if (this.webhooks.enabled) {
      const events = [];
      for (const row of rows) {
        const token = await this.tokens.findById(row.id, m);
        events.push(tokenEvent('token.revoked', token, { reason: 'org_deleted' }));
      }
      await this.webhooks.enqueue(events, tx);
    }
    tx.afterCommit(() => this.verifier.invalidate(rows.map((row) => row.tokenHash)));
    return rows.length;
  }

  /**
   * After `tx` commits, every instance forgets what it cached of the user's active tokens: the
   * owner's role or standing changed in `tx`, and the next request must see it.
   */
  async forgetUser(userId: string, tx: Tx): Promise<void> {
    await this.forget(userId, tx);
  }

  /** The same for an organization's tokens: its policy (their shared budget) changed in `tx`. */
  async forgetOrg(orgId: string, tx: Tx): Promise<void> {
    await this.forget({ orgId }, tx);
  }

  private async forget(owner: TokenOwner, tx: Tx): Promise<void> {
    const hashes = await this.tokens.activeHashesOf(owner, tx.manager);
    if (hashes.length > 0) tx.afterCommit(() => this.verifier.invalidate(hashes));
  }
}
