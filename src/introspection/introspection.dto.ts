import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIP, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../common/validation/presence.js';

/** RFC 7662 §2.1, as a form or as JSON. */
export class IntrospectDto {
  @ApiProperty({
    description: 'The API token or session access token to look at',
    minLength: 1,
    maxLength: 4096,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  token: string;

  @ApiPropertyOptional({
    description: 'Accepted and ignored: the token tells its own kind',
    maxLength: 64,
  })
  @Optional()
  @IsString()
  @MaxLength(64)
  token_type_hint?: string;

  @ApiPropertyOptional({
    description:
      "The address of the client that presented the token; the answer then says whether the token's IP allowlist admits it",
    format: 'ip',
  })
  @Optional()
  @IsIP()
  client_ip?: string;
}

/** RFC 7662 §2.2. An inactive token is `{ active: false }` and nothing else. */
export class IntrospectionDto {
  @ApiProperty()
  active: boolean;

  @ApiPropertyOptional({
    description: 'Space-separated scopes',
    example: 'tokens:read profile:read',
  })
  scope?: string;

  @ApiPropertyOptional({ description: 'The user id' })
  sub?: string;

  @ApiPropertyOptional({ description: 'When it stops working, in seconds since the epoch' })
  exp?: number;

  @ApiPropertyOptional({ description: 'When it was issued (session access tokens)' })
  iat?: number;

  @ApiPropertyOptional({ example: 'Bearer' })
  token_type?: 'Bearer';

  @ApiPropertyOptional({ enum: ['api_token', 'session'], description: 'Which kind of credential' })
  credential?: 'api_token' | 'session';

  @ApiPropertyOptional({ description: 'The API token id, or the session id' })
  jti?: string;

  @ApiPropertyOptional({ enum: ['user', 'admin'] })
  role?: string;

  @ApiPropertyOptional({ description: 'Only when client_ip was given' })
  client_ip_allowed?: boolean;
}
