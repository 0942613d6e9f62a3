import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';
import { Org } from './org.entity.js';
import type { OrgRole } from './org-roles.js';

/** An invitation to join an organization: a single-use link by mail, only its hash kept. */
@Entity('org_invitations')
@Check('org_invitations_role_check', `"role" IN ('owner', 'admin', 'member')`)
@Index('org_invitations_org_idx', ['orgId', 'createdAt'])
@Index('org_invitations_email_idx', ['email'])
export class OrgInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'org_invitations_pkey' })
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @ManyToOne(() => Org, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id', foreignKeyConstraintName: 'org_invitations_org_id_fkey' })
  org?: Relation<Org>;

  /** Lower-cased, as users' emails are. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: OrgRole;

  @Index('org_invitations_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'org_invitations_invited_by_fkey' })
  inviter?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
