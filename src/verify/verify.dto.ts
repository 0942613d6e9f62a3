import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIP,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { REFUSAL_REASONS } from '../common/auth/credential-refusal.js';
import { STRING, STRINGS, type ResponseShape } from '../common/http/serialized.js';
import { Optional } from '../common/validation/presence.js';

/**
 * What a scope looks like: lowercase `resource:action`, or `admin`. Whether it exists is not
 * asked: a token simply does not hold a scope nobody declared.
 */
export const SCOPE_SHAPE = /^(?:[a-z0-9_.-]{1,100}:[a-z0-9_.-]{1,100}|admin)$/;
export const MAX_SCOPES = 50;
export const SCOPE_SHAPE_MESSAGE =
  'each value in scopes must be a lowercase resource:action scope name';

/** The body as documented; checked by VerifyBodyPipe, to the same rules. */
export class VerifyDto {
  @ApiProperty({
    description: 'The API token or session access token presented to your service',
    minLength: 1,
    maxLength: 4096,
    example: 'tsr_…',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  token: string;

  @ApiPropertyOptional({
    description: 'Scopes the credential must all hold; a missing one gives INSUFFICIENT_SCOPE',
    type: 'array',
    items: { type: 'string', pattern: SCOPE_SHAPE.source, maxLength: 201 },
    maxItems: MAX_SCOPES,
    example: ['tokens:read'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPES)
  @IsString({ each: true })
  @Matches(SCOPE_SHAPE, { each: true, message: SCOPE_SHAPE_MESSAGE })
  scopes?: string[];

  @ApiPropertyOptional({
    description:
      "The address of the client that presented the token: checked against the token's allowlist and recorded as its last use",
    format: 'ip',
    example: '127.0.0.1',
  })
  @Optional()
  @IsIP()
  clientIp?: string;
}

/**
 * `MFA_ENROLLMENT_REQUIRED`: an admin's session without a second factor under
 * REQUIRE_MFA_FOR_ADMINS, which may only enroll one (Tessera's own routes answer it 403).
 */
export const VERIFICATION_CODES = [
  'VALID',
  ...REFUSAL_REASONS,
  'INSUFFICIENT_SCOPE',
  'MFA_ENROLLMENT_REQUIRED',
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

export class RateLimitDto {
  @ApiProperty({ description: 'Requests allowed in the window nearest to exhaustion' })
  limit: number;

  @ApiProperty({ description: 'Requests left in that window' })
  remaining: number;

  @ApiProperty({ description: 'Seconds until that window starts over' })
  reset: number;
}

/** An organization a user's credential belongs to. */
export class VerifiedOrgDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme' })
  slug: string;

  @ApiProperty({ enum: ['owner', 'admin', 'member'] })
  role: string;
}

export class QuotaDto {
  @ApiProperty({ description: 'Successful uses allowed in the period' })
  limit: number;

  @ApiProperty({ description: 'Successful uses left in the period, after this one' })
  remaining: number;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the period ends (UTC); null for a quota over the whole life of the token',
  })
  reset: string | null;
}

/** The answer to a verification: always 200, `valid` and `code` say how it went. */
export class VerificationDto {
  @ApiProperty({ description: 'Whether the request carrying the token may go ahead' })
  valid: boolean;

  @ApiProperty({ enum: VERIFICATION_CODES })
  code: VerificationCode;

  @ApiPropertyOptional({ enum: ['api_token', 'session'] })
  credential?: 'api_token' | 'session';

  @ApiPropertyOptional()
  userId?: string;

  @ApiPropertyOptional({ description: "Set for an organization's API token: its organization" })
  orgId?: string;

  @ApiPropertyOptional({
    description: "Set for an organization's API token: its organization's slug",
  })
  orgSlug?: string;

  @ApiPropertyOptional({
    type: [VerifiedOrgDto],
    description:
      "A user's credential: the organizations the user belongs to, with the role ([] for none)",
  })
  orgs?: VerifiedOrgDto[];

  @ApiPropertyOptional({ enum: ['user', 'admin', 'service'] })
  role?: string;

  @ApiPropertyOptional({ description: 'Set for an API token' })
  tokenId?: string;

  @ApiPropertyOptional({ description: 'Set for a session access token' })
  sessionId?: string;

  @ApiPropertyOptional({ type: [String] })
  scopes?: string[];

  @ApiPropertyOptional({
    description: 'When the credential stops working (absent: never)',
    format: 'date-time',
  })
  expiresAt?: string;

  @ApiPropertyOptional({
    type: RateLimitDto,
    description: "An API token's quota after this use (or when it is RATE_LIMITED)",
  })
  rateLimit?: RateLimitDto;

  @ApiPropertyOptional({
    type: QuotaDto,
    description: "An API token's usage quota after this use (or when it is USAGE_EXCEEDED)",
  })
  quota?: QuotaDto;
}

const NUMBER = { type: 'number' } as const;

/** {@link VerificationDto} for the compiled serializer of `POST /verify`, in the same order. */
export const VERIFICATION_SHAPE: ResponseShape = {
  type: 'object',
  properties: {
    valid: { type: 'boolean' },
    code: STRING,
    credential: STRING,
    userId: STRING,
    orgId: STRING,
    orgSlug: STRING,
    orgs: {
      type: 'array',
      items: { type: 'object', properties: { id: STRING, slug: STRING, role: STRING } },
    },
    role: STRING,
    tokenId: STRING,
    sessionId: STRING,
    scopes: STRINGS,
    expiresAt: STRING,
    rateLimit: {
      type: 'object',
      properties: { limit: NUMBER, remaining: NUMBER, reset: NUMBER },
    },
    quota: {
      type: 'object',
      properties: { limit: NUMBER, remaining: NUMBER, reset: { type: ['string', 'null'] } },
    },
  },
};
