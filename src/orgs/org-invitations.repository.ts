import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { change } from '../database/returning.js';
import { OrgInvitation } from './org-invitation.entity.js';
import type { OrgRole } from './org-roles.js';

/** Pending: neither accepted nor withdrawn, and not expired (by the database clock). */
const PENDING = 'accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()';

/** The queries on `org_invitations`. Locks follow the organization's row. */
@Injectable()
export class OrgInvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** A new invitation; an earlier pending one for the same email is withdrawn (one link works). */
  async replace(
    fields: { orgId: string; email: string; role: OrgRole; tokenHash: Buffer; invitedBy: string },
    days: number,
    m: EntityManager,
  ): Promise<OrgInvitation> {
    await change(
      m,
      `UPDATE org_invitations SET withdrawn_at = now()
       WHERE org_id = $1 AND email = $2 AND ${PENDING}`,
      [fields.orgId, fields.email],
    );
    const { rows } = await change<{ id: string }>(
      m,
      `INSERT INTO org_invitations (org_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id`,
      [fields.orgId, fields.email, fields.role, fields.tokenHash, fields.invitedBy, days],
    );
    return m.findOneByOrFail(OrgInvitation, { id: rows[0].id });
  }

  /** An organization's pending invitations, newest first. */
  listPending(orgId: string): Promise<OrgInvitation[]> {
    return this.dataSource
      .getRepository(OrgInvitation)
      .createQueryBuilder('i')
      .where('i.org_id = :orgId', { orgId })
      .andWhere(PENDING.replace(/(\w+_at)/g, 'i.$1'))
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .getMany();
  }

  /** Withdraws a pending invitation of the organization; whether there was one. */
  async withdraw(orgId: string, id: string, m: EntityManager): Promise<OrgInvitation | null> {
    const { rows } = await change<{ id: string }>(
      m,
      `UPDATE org_invitations SET withdrawn_at = now()
       WHERE id = $1 AND org_id = $2 AND ${PENDING} RETURNING id`,
      [id, orgId],
    );
    return rows[0] ? m.findOneByOrFail(OrgInvitation, { id }) : null;
  }

  /** The pending invitation with this hash, or null. */
  findPending(tokenHash: Buffer, m: EntityManager = this.manager): Promise<OrgInvitation | null> {
    return m
      .getRepository(OrgInvitation)
      .createQueryBuilder('i')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .andWhere(PENDING.replace(/(\w+_at)/g, 'i.$1'))
      .getOne();
  }

  /**
   * Marks a pending invitation accepted; false when it was not pending any more (a concurrent
   * acceptance waited on the row lock, then found it used).
   */
  async accept(id: string, m: EntityManager): Promise<boolean> {
    const { affected } = await change(
      m,
      `UPDATE org_invitations SET accepted_at = now() WHERE id = $1 AND ${PENDING}`,
      [id],
    );
    return affected > 0;
  }

  /** Whether some live organization has invited this email (REGISTRATION=invite). */
  async anyPendingFor(email: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM org_invitations i JOIN orgs o ON o.id = i.org_id
       WHERE i.email = $1 AND o.deleted_at IS NULL
         AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL AND i.expires_at > now()
       LIMIT 1`,
      [email],
    );
    return rows.length > 0;
  }
}
