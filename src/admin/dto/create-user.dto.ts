import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../common/auth/scopes.js';
import { EMAIL_MAX, IsAccountEmail } from '../../common/validation/email.js';
import { Optional } from '../../common/validation/presence.js';

export class CreateUserDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: EMAIL_MAX })
  @IsAccountEmail()
  email: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'Ada Lovelace' })
  @Optional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'user' })
  @Optional()
  @IsIn(ROLES)
  role?: Role;
}
