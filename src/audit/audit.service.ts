import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { beforeCursor, decodeCursor, encodeCursor, microseconds } from '../common/http/cursor.js';
import { AuditEvent, type AuditAction, type AuditTargetType } from './audit-event.entity.js';

/** Who acts, as far as the audit log is concerned. */
export interface AuditActor {
  userId: string | null;
  via: 'session' | 'api_token' | 'password' | 'refresh_token' | 'reset_link' | 'system';
  /** The session or API token used, when `via` is one. */
  credentialId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  ownerId: string | null;
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, via: 'system' };

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends events in one statement. Pass the manager of the transaction making the change so
   * that the events commit, or roll back, with it.
   */
  async record(
    actor: AuditActor,
    records: AuditRecord | AuditRecord[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    await m.query(
      `INSERT INTO audit_events
         (action, actor_id, actor_via, actor_credential_id, target_type, target_id, owner_id,
          ip, user_agent, details)
       SELECT e.action, $1, $2, $6, e.target_type, e.target_id, e.owner_id, $3, $4, e.details
       FROM jsonb_to_recordset($5::jsonb) AS e(
         action varchar, target_type varchar, target_id uuid, owner_id uuid, details jsonb)`,
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
          })),
        ),
        actor.credentialId ?? null,
      ],
    );
  }

  /** Events newest first, filtered; `nextCursor` continues after the last one. */
  async list(filter: AuditFilter): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .addSelect(microseconds('e.occurred_at'), 'occurred_us');
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetId) qb.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.ownerId) qb.andWhere('e.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.targetType) {
      qb.andWhere('e.target_type = :targetType', { targetType: filter.targetType });
    }
    if (filter.actions?.length)
      qb.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter.since) qb.andWhere('e.occurred_at >= :since', { since: filter.since });
    if (filter.until) qb.andWhere('e.occurred_at < :until', { until: filter.until });
    if (filter.cursor)
      qb.andWhere(beforeCursor('e.occurred_at', 'e.id'), decodeCursor(filter.cursor));
    const { entities, raw } = await qb
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawAndEntities<{ occurred_us: string }>();
    const page = entities.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        entities.length > filter.limit && last
          ? encodeCursor({ us: raw[page.length - 1].occurred_us, id: last.id })
          : null,
    };
  }
}

export interface AuditFilter {
  actorId?: string;
  targetId?: string;
  ownerId?: string;
  targetType?: AuditTargetType;
  actions?: AuditAction[];
  since?: Date;
  until?: Date;
  limit: number;
  cursor?: string;
}
