import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OrgPolicy } from './org-policy.js';

/**
 * An organization: owns API tokens that outlive the people who made them. A deleted one keeps
 * its row, without members or active tokens, and gives its slug up.
 */
@Entity('orgs')
// Unique among live organizations: a partial unique index, kept by the migration.
@Index('orgs_slug_key', { synchronize: false })
@Index('orgs_created_idx', ['createdAt', 'id'])
export class Org {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'orgs_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Lower-case `[a-z0-9-]`, 3 to 40 characters. */
  @Column({ type: 'varchar', length: 40 })
  slug: string;

  @Column({ type: 'jsonb', default: {} })
  policy: OrgPolicy;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
