import {
  NULLABLE_STRING,
  STRING,
  STRINGS,
  type ResponseShape,
} from '../../common/http/serialized.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCOPES } from '../../common/auth/scopes.js';
import { IsIn, IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { EMAIL_MAX, IsAccountEmail } from '../../common/validation/email.js';
import { Optional } from '../../common/validation/presence.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: EMAIL_MAX })
  @IsAccountEmail()
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    example: 'correct horse battery',
  })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'Ada Lovelace' })
  @Optional()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: EMAIL_MAX })
  @IsAccountEmail()
  email: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 1, maxLength: PASSWORD_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class RefreshDto {
  @ApiProperty({
    description: 'The refresh token from login or the previous refresh',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}

/** RFC 6749 §4.3 and §6, form-encoded; what the OpenAPI UI's Authorize button sends. */
export class TokenGrantDto {
  @ApiProperty({ enum: ['password', 'refresh_token'] })
  @IsIn(['password', 'refresh_token'])
  grant_type: 'password' | 'refresh_token';

  @ApiPropertyOptional({
    description: 'The email, for grant_type=password',
    format: 'email',
    maxLength: EMAIL_MAX,
  })
  @Optional()
  @IsAccountEmail()
  username?: string;

  @ApiPropertyOptional({ description: 'For grant_type=password', maxLength: PASSWORD_MAX })
  @Optional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password?: string;

  @ApiPropertyOptional({ description: 'For grant_type=refresh_token', maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  refresh_token?: string;

  @ApiPropertyOptional({
    description:
      "Space-separated scopes the session's access tokens are narrowed to (each one the user's role may hold; on refresh, each one the session holds). Absent: every scope of the role",
    maxLength: 500,
  })
  @Optional()
  @IsString()
  @MaxLength(500)
  scope?: string;

  @ApiPropertyOptional({ description: 'Ignored: there are no registered clients', maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  client_id?: string;

  @ApiPropertyOptional({ description: 'Ignored: there are no registered clients', maxLength: 200 })
  @Optional()
  @IsString()
  @MaxLength(200)
  client_secret?: string;
}

/** How the token endpoint documents its two grants (validated as one TokenGrantDto). */
export class PasswordGrantDto {
  @ApiProperty({ enum: ['password'] })
  grant_type: 'password';

  @ApiProperty({ description: 'The email', format: 'email', maxLength: EMAIL_MAX })
  username: string;

  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX })
  password: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Ignored' })
  scope?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Ignored' })
  client_id?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Ignored' })
  client_secret?: string;
}

export class RefreshTokenGrantDto {
  @ApiProperty({ enum: ['refresh_token'] })
  grant_type: 'refresh_token';

  @ApiProperty({ minLength: 1, maxLength: 200 })
  refresh_token: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Ignored' })
  scope?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Ignored' })
  client_id?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Ignored' })
  client_secret?: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Session access token, sent as `Authorization: Bearer …`' })
  accessToken: string;

  @ApiProperty({ description: 'Single-use; exchange it at /auth/refresh for a new pair' })
  refreshToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;

  @ApiProperty({ format: 'uuid' })
  sessionId: string;
}

export class OAuthTokenDto {
  @ApiProperty()
  access_token: string;

  @ApiProperty()
  refresh_token: string;

  @ApiProperty({ example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({ example: 900 })
  expires_in: number;

  @ApiProperty({
    description: 'Space-separated: the scopes the access tokens carry',
    example: 'tokens:read profile:read',
  })
  scope: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty({ enum: ['user', 'admin'] })
  role: 'user' | 'admin';

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CredentialDto {
  @ApiProperty({ enum: ['session', 'api_token'] })
  kind: 'session' | 'api_token';

  @ApiPropertyOptional({ format: 'uuid', description: "Absent for an organization's token" })
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "An organization's token: its organization" })
  orgId?: string;

  @ApiProperty({ enum: ['user', 'admin', 'service'] })
  role: 'user' | 'admin' | 'service';

  @ApiProperty({ enum: SCOPES, isArray: true })
  scopes: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  tokenId?: string;
}

/** {@link UserDto} for the compiled serializer of `GET /auth/me`. */
export const USER_SHAPE: ResponseShape = {
  type: 'object',
  properties: {
    id: STRING,
    email: STRING,
    name: NULLABLE_STRING,
    role: STRING,
    createdAt: STRING,
  },
};

/** {@link CredentialDto} for the compiled serializer of `GET /auth/whoami`. */
export const CREDENTIAL_SHAPE: ResponseShape = {
  type: 'object',
  properties: {
    kind: STRING,
    userId: STRING,
    orgId: STRING,
    role: STRING,
    scopes: STRINGS,
    sessionId: STRING,
    tokenId: STRING,
  },
};
