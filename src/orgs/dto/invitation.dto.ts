import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import type { OrgInvitation } from '../org-invitation.entity.js';
import { ORG_ROLES, type OrgRole } from '../org-roles.js';

/** `tsri_` and 32 random bytes in base64url. */
export const INVITATION_TOKEN = /^tsri_[A-Za-z0-9_-]{43}$/;

export class CreateInvitationDto {
  @ApiProperty({ format: 'email', maxLength: 320, example: 'ada@example.com' })
  @IsString()
  @MaxLength(320)
  @IsEmail()
  email: string;

  @ApiProperty({ enum: ORG_ROLES, example: 'member' })
  @IsIn(ORG_ROLES)
  role: OrgRole;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ enum: ORG_ROLES })
  role: OrgRole;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  invitedBy: string | null;

  static from(invitation: OrgInvitation): InvitationDto {
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
      invitedBy: invitation.invitedBy,
    };
  }
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] })
  items: InvitationDto[];
}

export class AcceptInvitationDto {
  @ApiProperty({
    description: 'From the link of the invitation mail (after #token=)',
    maxLength: 200,
    example: 'tsri_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  })
  @IsString()
  @MaxLength(200)
  token: string;
}

/** The membership an accepted invitation made. */
export class MembershipDto {
  @ApiProperty({ format: 'uuid' })
  orgId: string;

  @ApiProperty({ example: 'acme' })
  slug: string;

  @ApiProperty({ example: 'Acme Corp' })
  name: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: ORG_ROLES })
  role: OrgRole;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}
