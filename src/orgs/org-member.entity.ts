import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';
import { Org } from './org.entity.js';
import type { OrgRole } from './org-roles.js';

/** A user's membership of an organization, with their role in it. */
@Entity('org_members')
@Check('org_members_role_check', `"role" IN ('owner', 'admin', 'member')`)
@Index('org_members_user_idx', ['userId'])
export class OrgMember {
  @PrimaryColumn({ name: 'org_id', type: 'uuid', primaryKeyConstraintName: 'org_members_pkey' })
  orgId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'org_members_pkey' })
  userId: string;

  @ManyToOne(() => Org, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'org_members_org_id_fkey' })
  org?: Relation<Org>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'org_members_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role: OrgRole;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
