import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '../database/paging.js';
import type { AuditAction, AuditEvent, AuditTargetType } from './audit-event.entity.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

export type { AuditFilter } from './audit.repository.js';

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
  constructor(private readonly events: AuditRepository) {}

  /**
   * Appends events with `m`, the manager of the transaction making the change: the events
   * commit, or roll back, with it.
   */
  async record(
    actor: AuditActor,
    records: AuditRecord | AuditRecord[],
    m: EntityManager,
  ): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    await this.events.insert(actor, list, m);
  }

  /** Events newest first, filtered; `nextCursor` continues after the last one. */
  list(filter: AuditFilter): Promise<Page<AuditEvent>> {
    return this.events.list(filter);
  }
}
