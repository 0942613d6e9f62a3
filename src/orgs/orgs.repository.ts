import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { pageNewestFirst, type Page, type PageRequest } from '../database/paging.js';
import { change } from '../database/returning.js';
import { Org } from './org.entity.js';
import type { OrgPolicy } from './org-policy.js';
import type { OrgRole } from './org-roles.js';

export const SLUG_INDEX = 'orgs_slug_key';

/** An organization as a member sees it: with their role. */
export interface OrgWithRole {
  org: Org;
  role: OrgRole;
}

/**
 * The queries on `orgs`. Lock order, written once: an organization's row, then its members'
 * rows, then its tokens' rows.
 */
@Injectable()
export class OrgsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Inserts an organization; a slug held by a live one is a 409. */
  async insert(
    fields: { name: string; slug: string; policy: OrgPolicy },
    m: EntityManager,
  ): Promise<Org> {
    try {
      return await m.getRepository(Org).save(m.getRepository(Org).create(fields));
    } catch (error) {
      if (isSlugClash(error)) throw slugTaken(fields.slug);
      throw error;
    }
  }

  /** A live organization by id or slug, its row locked (FOR UPDATE) when `lock`. */
  async findLive(
    ref: { id: string } | { slug: string },
    m: EntityManager = this.manager,
    lock = false,
  ): Promise<Org | null> {
    const qb = m
      .getRepository(Org)
      .createQueryBuilder('o')
      .where('o.deleted_at IS NULL')
      .andWhere('id' in ref ? 'o.id = :id' : 'o.slug = :slug', ref);
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The live organizations with these ids or slugs, in id order; rows locked when `lock`. */
  async findLiveMany(
    refs: { ids: string[]; slugs: string[] },
    m: EntityManager,
    lock: boolean,
  ): Promise<Org[]> {
    if (refs.ids.length === 0 && refs.slugs.length === 0) return [];
    const qb = m
      .getRepository(Org)
      .createQueryBuilder('o')
      .where('o.deleted_at IS NULL')
      .andWhere(
        '(o.id = ANY(CAST(:ids AS uuid[])) OR o.slug = ANY(CAST(:slugs AS varchar[])))',
        refs,
      )
      .orderBy('o.id');
    if (lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  /** The slug of an organization, deleted or not (null: none such). */
  async slugOf(id: string): Promise<string | null> {
    const rows: { slug: string }[] = await this.manager.query(
      `SELECT slug FROM orgs WHERE id = $1`,
      [id],
    );
    return rows[0]?.slug ?? null;
  }

  async update(org: Org, m: EntityManager): Promise<Org> {
    return m.getRepository(Org).save(org);
  }

  /** Marks the organization deleted: its slug is free again. */
  async markDeleted(id: string, m: EntityManager): Promise<void> {
    await change(m, `UPDATE orgs SET deleted_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  /** The live organizations `userId` belongs to, with their role, newest membership first. */
  async listOf(userId: string, m: EntityManager = this.manager): Promise<OrgWithRole[]> {
    const rows: (Org & { member_role: OrgRole })[] = await m
      .getRepository(Org)
      .createQueryBuilder('o')
      .innerJoin('org_members', 'om', 'om.org_id = o.id AND om.user_id = :userId', { userId })
      .addSelect('om.role', 'member_role')
      .addSelect('om.joined_at', 'member_joined')
      .where('o.deleted_at IS NULL')
      .orderBy('om.joined_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }: { entities: Org[]; raw: { member_role: OrgRole }[] }) =>
        entities.map((org, i) => Object.assign(org, { member_role: raw[i].member_role })),
      );
    return rows.map((row) => ({ org: row, role: row.member_role }));
  }

  /** Every live organization, newest first, for admins. */
  listAll(request: PageRequest): Promise<Page<Org>> {
    const qb = this.dataSource
      .getRepository(Org)
      .createQueryBuilder('o')
      .where('o.deleted_at IS NULL');
    return pageNewestFirst(qb, 'o', 'created_at', request);
  }
}

export function isSlugClash(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { constraint?: string }).constraint === SLUG_INDEX
  );
}

export const slugTaken = (slug: string) =>
  new DomainError('OrgSlugTaken', `The slug ${JSON.stringify(slug)} is in use; choose another`);
