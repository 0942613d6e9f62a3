import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { EMAIL_MAX, IsAccountEmail } from '../../common/validation/email.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.dto.js';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: EMAIL_MAX })
  @IsAccountEmail()
  email: string;
}

export class PasswordResetRequestedDto {
  @ApiProperty({
    description: 'One and the same text whether or not an account has this email',
  })
  message: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({
    description: 'The token from the mailed link: what follows `#token=`',
    example: 'tsrp_…',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}
