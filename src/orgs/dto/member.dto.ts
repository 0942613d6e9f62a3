import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { MemberRow } from '../org-members.repository.js';
import { ORG_ROLES, type OrgRole } from '../org-roles.js';

export class MemberDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ nullable: true, type: String, example: 'Ada' })
  name: string | null;

  @ApiProperty({ enum: ORG_ROLES })
  role: OrgRole;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;

  static from(row: MemberRow): MemberDto {
    return {
      userId: row.userId,
      email: row.email,
      name: row.name,
      role: row.role,
      joinedAt: row.joinedAt.toISOString(),
    };
  }
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] })
  items: MemberDto[];
}

export class UpdateMemberDto {
  @ApiProperty({ enum: ORG_ROLES, example: 'admin' })
  @IsIn(ORG_ROLES)
  role: OrgRole;
}
