import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../common/auth/scopes.js';
import { PageQuery } from '../../common/http/page-query.dto.js';
import { Optional } from '../../common/validation/presence.js';

/** `true`/`false` in a query string; anything else stays as it came and fails IsBoolean. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 320,
    description: 'A part of the email, in any letter case',
    example: 'example.com',
  })
  @Optional()
  @IsString()
  @Length(1, 320)
  email?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: 'boolean' })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean()
  disabled?: boolean;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Seen at once by every instance' })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    description:
      'true: every session and API token of the user is refused from the next request on, and login answers as for a wrong password; false: they work again',
  })
  @Optional()
  @IsBoolean()
  disabled?: boolean;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty()
  disabled: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastLoginAt: string | null;

  @ApiProperty({ type: 'integer', description: 'Active API tokens' })
  activeTokens: number;

  @ApiProperty({ type: 'integer', description: 'Live sessions' })
  activeSessions: number;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] })
  items: AdminUserDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
