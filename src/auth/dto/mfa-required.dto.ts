import { ApiProperty } from '@nestjs/swagger';

/** A login whose password was right and which waits for a second factor. */
export class MfaRequiredDto {
  @ApiProperty({ enum: [true] })
  mfaRequired: true;

  @ApiProperty({ description: 'Send it to POST /auth/mfa/verify: 5 minutes, 5 attempts, once' })
  mfaToken: string;

  @ApiProperty({ enum: ['totp', 'passkey', 'recovery'], isArray: true })
  methods: ('totp' | 'passkey' | 'recovery')[];
}
