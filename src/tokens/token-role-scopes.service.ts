import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuditActor, AuditRecord } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Role } from '../common/auth/scopes.js';
import { change } from '../database/returning.js';
import type { Tx } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { ApiToken } from './api-token.entity.js';
import { tokenEvent } from './token-events.js';

/**
 * A user's tokens after a change of role: the scopes the new role may not hold are dropped from
 * the stored rows, in the transaction of the change. The per-request check filters them already,
 * but the rows kept them: token views listed them and a promotion back revived them.
 */
@Injectable()
export class TokenRoleScopesService {
  constructor(
    private readonly registry: ScopeRegistry,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  /**
   * Drops from every token of `userId` (of any status) the scopes `role` may not hold, with a
   * `token.updated` audit event and webhook per token changed. The caller, which changed the
   * role in `tx`, has the user's row locked and evicts the cached tokens after the commit.
   * Returns how many tokens changed.
   */
  async narrowToRole(tx: Tx, userId: string, role: Role, actor: AuditActor): Promise<number> {
    const denied = this.registry
      .all()
      .filter((scope) => !scope.roles.includes(role))
      .map((scope) => scope.name);
    if (denied.length === 0) return 0;
    const changed = await dropScopes(tx.manager, userId, denied);
    if (changed.length === 0) return 0;
    await this.audit.record(
      actor,
      changed.map((row): AuditRecord => ({
        action: 'token.updated',
        targetType: 'token',
        targetId: row.id,
        ownerId: userId,
        details: {
          changed: ['scopes'],
          scopes: row.scopes,
          removedScopes: row.removed,
          reason: 'role_changed',
          role,
        },
      })),
      tx.manager,
    );
    if (this.webhooks.enabled) {
      const tokens = await tx.manager.findBy(ApiToken, { id: In(changed.map((row) => row.id)) });
      const removed = new Map(changed.map((row) => [row.id, row.removed]));
      await this.webhooks.enqueue(
        tokens.map((token) =>
          tokenEvent('token.updated', token, {
            changed: ['scopes'],
            removedScopes: removed.get(token.id),
            reason: 'role_changed',
          }),
        ),
        tx,
      );
    }
    return changed.length;
  }
}

/** The one statement: each token holding one of `denied` loses it; the rows changed. */
async function dropScopes(
  m: EntityManager,
  userId: string,
  denied: string[],
): Promise<{ id: string; scopes: string[]; removed: string[] }[]> {
  const { rows } = await change<{ id: string; scopes: string[]; removed: string[] }>(
    m,
    `UPDATE api_tokens t
     SET scopes = ARRAY(SELECT s FROM unnest(t.scopes) AS s WHERE s <> ALL($2::varchar[]))::varchar[],
         updated_at = now()
     FROM (SELECT id, scopes FROM api_tokens
           WHERE user_id = $1 AND scopes && $2::varchar[] FOR UPDATE) AS before
     WHERE t.id = before.id
     RETURNING t.id, t.scopes,
       ARRAY(SELECT s FROM unnest(before.scopes) AS s WHERE s = ANY($2::varchar[]))::varchar[]
         AS removed`,
    [userId, denied],
  );
  return rows;
}
