import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '../database/paging.js';
import type { AuditEvent } from './audit-event.entity.js';
import type { AuditActor, AuditRecord } from './audit-record.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

export type { AuditFilter } from './audit.repository.js';
export { SYSTEM_ACTOR, type AuditActor, type AuditRecord } from './audit-record.js';

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

  /** The latest name each of these tokens had in its events. */
  tokenNames(ids: string[]): Promise<Map<string, string>> {
    return this.events.tokenNames(ids);
  }
}
