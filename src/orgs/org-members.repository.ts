import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { change } from '../database/returning.js';
import type { OrgRole } from './org-roles.js';

/** A member as listed: with the user's email and name. */
export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: OrgRole;
  joinedAt: Date;
}

/** The queries on `org_members`. Locks follow the organization's row (see OrgsRepository). */
@Injectable()
export class OrgMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insert(orgId: string, userId: string, role: OrgRole, m: EntityManager): Promise<void> {
    await change(m, `INSERT INTO org_members (org_id, user_id, role) VALUES ($1, $2, $3)`, [
      orgId,
      userId,
      role,
    ]);
  }

  /** The role of `userId` in `orgId` (null: not a member); the row locked when `lock`. */
  async roleOf(
    orgId: string,
    userId: string,
    m: EntityManager = this.manager,
    lock = false,
  ): Promise<OrgRole | null> {
    const rows: { role: OrgRole }[] = await m.query(
      `SELECT role FROM org_members WHERE org_id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [orgId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /** Members with their profile, owners first, then by joining. */
  async list(orgId: string, m: EntityManager = this.manager): Promise<MemberRow[]> {
    const rows: {
      user_id: string;
      email: string;
      name: string | null;
      role: OrgRole;
      joined_at: Date;
    }[] = await m.query(
      `SELECT om.user_id, u.email, u.name, om.role, om.joined_at
       FROM org_members om JOIN users u ON u.id = om.user_id
       WHERE om.org_id = $1
       ORDER BY CASE om.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END,
                om.joined_at, om.user_id`,
      [orgId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      joinedAt: row.joined_at,
    }));
  }

  /** The live organizations `userId` belongs to, with the role, for a credential to carry. */
  async membershipsOf(userId: string): Promise<{ id: string; slug: string; role: OrgRole }[]> {
    return this.manager.query(
      `SELECT o.id, o.slug, om.role FROM org_members om JOIN orgs o ON o.id = om.org_id
       WHERE om.user_id = $1 AND o.deleted_at IS NULL ORDER BY o.slug`,
      [userId],
    );
  }

  async countOwners(orgId: string, m: EntityManager): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM org_members WHERE org_id = $1 AND role = 'owner'`,
      [orgId],
    );
    return rows[0].n;
  }

  /** How many members each of these organizations has (absent: none). */
  async countByOrg(orgIds: readonly string[]): Promise<Map<string, number>> {
    if (orgIds.length === 0) return new Map();
    const rows: { org_id: string; n: number }[] = await this.manager.query(
      `SELECT org_id, count(*)::int AS n FROM org_members WHERE org_id = ANY($1) GROUP BY org_id`,
      [orgIds],
    );
    return new Map(rows.map((row) => [row.org_id, row.n]));
  }

  async setRole(orgId: string, userId: string, role: OrgRole, m: EntityManager): Promise<void> {
    await change(m, `UPDATE org_members SET role = $3 WHERE org_id = $1 AND user_id = $2`, [
      orgId,
      userId,
      role,
    ]);
  }

  /** Ends a membership; whether there was one. */
  async delete(orgId: string, userId: string, m: EntityManager): Promise<boolean> {
    const { affected } = await change(
      m,
      `DELETE FROM org_members WHERE org_id = $1 AND user_id = $2`,
      [orgId, userId],
    );
    return affected > 0;
  }

  /** Ends every membership of the organization; the users who were members. */
  async deleteAll(orgId: string, m: EntityManager): Promise<string[]> {
    const { rows } = await change<{ user_id: string }>(
      m,
      `DELETE FROM org_members WHERE org_id = $1 RETURNING user_id`,
      [orgId],
    );
    return rows.map((row) => row.user_id);
  }
}
