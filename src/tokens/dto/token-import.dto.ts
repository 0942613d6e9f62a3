import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { SCOPES } from '../../common/auth/scopes.js';
import { IsDateTime } from '../../common/validation/date-time.js';
import { EMAIL_MAX } from '../../common/validation/email.js';
import { Optional } from '../../common/validation/presence.js';
import { LEGACY_TOKEN_MAX_LENGTH } from '../token-format.js';

/** Tokens one call (or one batch of the CLI) may import. */
export const MAX_IMPORT_ROWS = 1000;
const NOT_BLANK = /\S/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
/** Visible ASCII, as an Authorization header carries it. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
/** ...and a tsr_ string is never imported (the document states this in words). */
const LEGACY_SECRET = /^(?![Tt][Ss][Rr]_)[\x21-\x7e]+$/;

/**
 * One token to import. Checked by the import service (the CLI's rows too), so that a bad row is
 * reported by its index instead of failing the whole body's validation.
 */
export class ImportTokenRowDto {
  @ApiPropertyOptional({
    maxLength: EMAIL_MAX,
    example: 'ada@example.com',
    description: 'The owner, by email; or ownerId, or ownerOrg (exactly one of the three)',
  })
  @Optional()
  @IsString()
  @MaxLength(EMAIL_MAX)
  ownerEmail?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The owner, by id; or ownerEmail, or ownerOrg',
  })
  @Optional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 40,
    example: 'acme',
    description:
      'The owning organization, by id or slug, instead of a user: the token is an org token, ' +
      "checked against the organization's policy and MAX_TOKENS_PER_ORG",
  })
  @Optional()
  @IsString()
  @Length(3, 40)
  ownerOrg?: string;

  @ApiProperty({ minLength: 1, maxLength: 100, pattern: '\\S', example: 'deploy key' })
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({
    pattern: SHA256_HEX.source,
    description:
      'SHA-256, in hex, of the token string exactly as clients present it; or plaintext, not both',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  @Optional()
  @IsString()
  @Matches(SHA256_HEX, { message: 'sha256 must be 64 hexadecimal characters' })
  sha256?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: LEGACY_TOKEN_MAX_LENGTH,
    pattern: VISIBLE_ASCII.source,
    description:
      'The token string itself, instead of sha256: hashed at once, never stored or logged. ' +
      'Visible ASCII without spaces; never a tsr_ string',
  })
  @Optional()
  @IsString()
  @Length(1, LEGACY_TOKEN_MAX_LENGTH, {
    message: `plaintext must be 1 to ${LEGACY_TOKEN_MAX_LENGTH} characters long`,
  })
  @Matches(LEGACY_SECRET, {
    message:
      'plaintext must be visible ASCII characters without spaces, and must not start with tsr_',
  })
  plaintext?: string;

  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
    example: ['tokens:read'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  scopes: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Absent: never expires' })
  @Optional()
  @IsDateTime()
  expiresAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Not in the future; absent: now' })
  @Optional()
  @IsDateTime()
  createdAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Not in the future' })
  @Optional()
  @IsDateTime()
  lastUsedAt?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'The id the other system knew it by, shown in the token view',
  })
  @Optional()
  @IsString()
  @Length(1, 200)
  externalId?: string;
}

export class ImportTokensDto {
  @ApiProperty({
    type: [ImportTokenRowDto],
    minItems: 1,
    maxItems: MAX_IMPORT_ROWS,
    description:
      'Each row is checked on its own: one that is not a valid row (of this schema, or for ' +
      "the database) is reported by its index in the 200's `errors`, not refused with the call",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  // Each row is the import service's to check, so that a bad one is named by its index.
  tokens: unknown[];
}

export class ImportErrorDto {
  @ApiProperty({ description: 'The row, counted from 0' })
  index: number;

  @ApiProperty()
  message: string;
}

/** Why a row was skipped. */
export const IMPORT_SKIP_REASONS = ['exists', 'retired'] as const;

export class ImportSkippedDto {
  @ApiProperty({ description: 'The row, counted from 0' })
  index: number;

  @ApiProperty({
    enum: IMPORT_SKIP_REASONS,
    description:
      '`exists`: a token with this hash is there already (imported before); `retired`: a token ' +
      'with this hash was imported before and has since been revoked or deleted, and is not ' +
      'brought back',
  })
  reason: (typeof IMPORT_SKIP_REASONS)[number];
}

export class ImportResultDto {
  @ApiProperty({ description: 'Tokens imported (or that would be, in a dry run)' })
  imported: number;

  @ApiProperty({
    description:
      'Tokens whose hash was known already, or whose imported token was revoked or deleted ' +
      'since: left as they were (each in `skippedRows`, with why)',
  })
  skipped: number;

  @ApiProperty({
    type: [ImportErrorDto],
    description:
      'The rows not imported, each by its index with why; the other rows were imported or ' +
      'skipped',
  })
  errors: ImportErrorDto[];

  @ApiProperty({
    type: [ImportSkippedDto],
    description: 'The rows skipped, each by its index with why',
  })
  skippedRows: ImportSkippedDto[];
}
