import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { pageNewestFirst, type Page } from '../database/paging.js';
import type { PurgeTarget } from '../database/purge.js';
import { AuditEvent, type AuditAction, type AuditTargetType } from './audit-event.entity.js';
import type { AuditActor, AuditRecord } from './audit-record.js';

export interface AuditFilter {
  actorId?: string;
  targetId?: string;
  ownerId?: string;
  orgId?: string;
  targetType?: AuditTargetType;
  actions?: AuditAction[];
  since?: Date;
  until?: Date;
  limit: number;
  cursor?: string;
}

/** Events older than `AUDIT_RETENTION_DAYS`, by `audit_events_occurred_idx`. */
export const AUDIT_EVENTS_PURGE: PurgeTarget = {
  table: 'audit_events',
  due: 'occurred_at < $1',
};

/** The queries on `audit_events`: appended to, never changed (only purged past retention). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends events in one statement, in `m`'s transaction. */
  async insert(actor: AuditActor, list: AuditRecord[], m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO audit_events
         (action, actor_id, actor_via, actor_credential_id, target_type, target_id, owner_id,
          ip, user_agent, details, org_id)
       SELECT e.action, $1, $2, $6, e.target_type, e.target_id, e.owner_id, $3, $4, e.details,
              e.org_id
       FROM jsonb_to_recordset($5::jsonb) AS e(
         action varchar, target_type varchar, target_id uuid, owner_id uuid, details jsonb,
         org_id uuid)`,
      [
        actor.userId,
        actor.via,
        actor.ip || null,
        actor.userAgent?.slice(0, 512) ?? null,
        JSON.stringify(
          list.map((r) => ({
            action: r.action,
            target_type: r.targetType,
            target_id: r.targetId,
            owner_id: r.ownerId,
            details: r.details ?? {},
            org_id: r.orgId ?? null,
          })),
        ),
        actor.credentialId ?? null,
      ],
    );
  }

  /** Events newest first, filtered; `nextCursor` continues after the last one. */
  list(filter: AuditFilter): Promise<Page<AuditEvent>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetId) qb.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.ownerId) qb.andWhere('e.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.orgId) qb.andWhere('e.org_id = :orgId', { orgId: filter.orgId });
    if (filter.targetType) {
      qb.andWhere('e.target_type = :targetType', { targetType: filter.targetType });
    }
    if (filter.actions?.length) {
      qb.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    }
    if (filter.since) qb.andWhere('e.occurred_at >= :since', { since: filter.since });
    if (filter.until) qb.andWhere('e.occurred_at < :until', { until: filter.until });
    return pageNewestFirst(qb, 'e', 'occurred_at', filter);
  }

  /**
   * The latest name each of these tokens was given, read from its own events: still known
   * after the token was deleted for good.
   */
  async tokenNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (target_id) target_id AS id, details->>'name' AS name
       FROM audit_events
       WHERE target_type = 'token' AND target_id = ANY($1::uuid[]) AND details ? 'name'
       ORDER BY target_id, occurred_at DESC`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
