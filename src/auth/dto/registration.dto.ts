import { ApiProperty } from '@nestjs/swagger';
import { REGISTRATION_MODES, type RegistrationMode } from '../auth-config.js';

export class RegistrationModeDto {
  @ApiProperty({
    enum: REGISTRATION_MODES,
    description:
      '`open`: anyone may sign up; `invite`: only emails with a pending organization invitation; `closed`: nobody (POST /auth/register answers 403)',
  })
  mode: RegistrationMode;
}
