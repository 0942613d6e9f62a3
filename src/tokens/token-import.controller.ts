import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf } from '../audit/audit-actor.js';
import { StepUp } from '../common/auth/step-up.js';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { ImportResultDto, ImportTokensDto, MAX_IMPORT_ROWS } from './dto/token-import.dto.js';
import { TokenImportService } from './token-import.service.js';

/** A thousand rows with long legacy secrets do not fit the API's usual 64 KiB. */
export const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

@ApiTags('admin')
@Authenticated({ scopes: ['admin'] })
@Controller('admin/tokens')
export class TokenImportController {
  constructor(private readonly imports: TokenImportService) {}

  @Post('import')
  @StepUp()
  @HttpCode(200)
  @RouteConfig({ bodyLimit: IMPORT_BODY_LIMIT_BYTES })
  @ApiOperation({
    summary: 'Import API tokens from another system; their secrets keep working as they are',
    description:
      `Up to ${MAX_IMPORT_ROWS} tokens, each with its owner (ownerEmail or ownerId, or ownerOrg ` +
      "for an organization's token, checked against its policy and MAX_TOKENS_PER_ORG) and either " +
      'the SHA-256 (hex) of the token string as clients present it or that string itself ' +
      '(hashed at once, never stored). A token whose hash is known already is skipped. ' +
      'The calling credential must hold every scope it imports; an API token held to an IP ' +
      'allowlist, a rate limit of its own or a quota cannot import (403), and one with an expiry ' +
      'gives it to rows without one and refuses rows expiring later. Each owner is told as of a ' +
      'new token: a `token.created` webhook with `imported: true`, and a mail. ' +
      'Each row stands alone: the good ones are imported, and each bad one (a field breaking ' +
      'the ImportTokenRowDto schema, an owner no user is, scopes the owner may not hold or ' +
      'the caller does not hold, a ' +
      'token twice in the call, a name the owner already has active) is reported in the ' +
      "200's `errors` as `{index, message}` and writes nothing. Only a malformed call as a " +
      'whole (no `tokens` array, none, over the limit) is a 400, and then nothing is written.',
  })
  @ApiOkResponse({
    type: ImportResultDto,
    description:
      'Every row counted once: imported, skipped (known already, or revoked or deleted since ' +
      'it was imported: each in `skippedRows` with why) or in `errors`',
  })
  @ApiBadRequestResponse({
    description:
      'A malformed call: not an object, `tokens` missing, not an array, empty or over ' +
      `${MAX_IMPORT_ROWS} rows, or an unknown field; nothing was imported`,
    type: ErrorResponseDto,
  })
  @ApiPayloadTooLargeResponse({
    description: `A body over ${IMPORT_BODY_LIMIT_BYTES / 1024 / 1024} MiB`,
    type: ErrorResponseDto,
  })
  async import(
    @Principal() principal: AuthPrincipal,
    @Body() body: ImportTokensDto,
    @Client() client: ClientContext,
  ): Promise<ImportResultDto> {
    return this.imports.import(body.tokens, actorOf(principal, client), {
      source: 'api',
      importer: principal,
    });
  }
}
