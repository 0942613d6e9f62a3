import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX } from '../../auth/dto/auth.dto.js';
import { Optional } from '../../common/validation/presence.js';

const PASSKEY_DESCRIPTION =
  'The PublicKeyCredential the browser returned from navigator.credentials.get(), as JSON (e.g. @simplewebauthn/browser startAuthentication)';

export class TotpSetupDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an app that cannot scan' })
  secret: string;

  @ApiProperty({ example: 'otpauth://totp/Tessera:ada%40example.com?secret=…&issuer=Tessera' })
  otpauthUri: string;

  @ApiProperty({ description: 'The otpauth URI as a QR code, an SVG document' })
  qrSvg: string;
}

export class TotpCodeDto {
  @ApiProperty({ description: '6 digits; spaces are ignored', example: '123456', maxLength: 16 })
  @IsString()
  @MaxLength(16)
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    description: 'Ten single-use codes, shown only here: store them somewhere safe',
    example: ['abcde-fghjk'],
  })
  recoveryCodes: string[];
}

/** One proof of a second factor. */
export class FactorProofDto {
  @ApiPropertyOptional({ description: 'TOTP code: 6 digits, spaces ignored', maxLength: 16 })
  @Optional()
  @IsString()
  @MaxLength(16)
  code?: string;

  @ApiPropertyOptional({
    description: 'A recovery code; case, dashes and spaces do not matter',
    maxLength: 32,
  })
  @Optional()
  @IsString()
  @MaxLength(32)
  recoveryCode?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: PASSKEY_DESCRIPTION,
  })
  @Optional()
  @IsObject()
  passkey?: Record<string, unknown>;
}

export class MfaVerifyDto extends FactorProofDto {
  @ApiProperty({ description: 'From the login answer', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  mfaToken: string;
}

export class StepUpDto extends FactorProofDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: PASSWORD_MAX,
    description: 'Only for an account without a second factor',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  password?: string;
}

export class StepUpResultDto {
  @ApiProperty({ format: 'date-time', description: 'When the session last proved its user: now' })
  authTime: string;
}

export class MfaPasskeyOptionsDto {
  @ApiProperty({ description: 'From the login answer', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  mfaToken: string;
}

export class PasskeyRegisterDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The PublicKeyCredential from navigator.credentials.create(), as JSON (e.g. @simplewebauthn/browser startRegistration)',
  })
  @IsObject()
  credential: Record<string, unknown>;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Laptop' })
  @IsString()
  @Length(1, 100)
  name: string;
}

export class PasskeyRenameDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Phone' })
  @IsString()
  @Length(1, 100)
  name: string;
}

export class PasskeyLoginDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: PASSKEY_DESCRIPTION })
  @IsObject()
  passkey: Record<string, unknown>;
}

export class PasskeyViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastUsedAt: string | null;
}

export class SecondFactorsDto {
  @ApiProperty({ description: 'An authenticator app (TOTP) is enabled' })
  totp: boolean;

  @ApiProperty({ description: 'How many passkeys are registered', minimum: 0 })
  passkeys: number;

  @ApiProperty({ description: 'Recovery codes not used yet', minimum: 0 })
  recoveryCodesLeft: number;
}

/** WebAuthn options as the browser API takes them (JSON form). */
export const CEREMONY_OPTIONS = {
  description:
    'PublicKeyCredential options in their JSON form: hand them to @simplewebauthn/browser (startRegistration or startAuthentication) or decode them for navigator.credentials',
  schema: { type: 'object', additionalProperties: true },
} as const;
