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
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { ImportResultDto, ImportTokensDto, MAX_IMPORT_ROWS } from './dto/token-import.dto.js';
import { TokenImportService, importRefused } from './token-import.service.js';

/** A thousand rows with long legacy secrets do not fit the API's usual 64 KiB. */
export const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

@ApiTags('admin')
@Authenticated({ scopes: ['admin'] })
@Controller('admin/tokens')
export class TokenImportController {
  constructor(private readonly imports: TokenImportService) {}

  @Post('import')
  @HttpCode(200)
  @RouteConfig({ bodyLimit: IMPORT_BODY_LIMIT_BYTES })
  @ApiOperation({
    summary: 'Import API tokens from another system; their secrets keep working as they are',
    description:
      `Up to ${MAX_IMPORT_ROWS} tokens, each with its owner (ownerEmail or ownerId) and either ` +
      'the SHA-256 (hex) of the token string as clients present it or that string itself ' +
      '(hashed at once, never stored). A token whose hash is known already is skipped. ' +
      'All or nothing: when any row is bad, nothing is imported and the 400 lists every bad ' +
      'row in `errors` as `{index, message}` ("… cannot be imported; nothing was imported").',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({
    description:
      'Invalid body, or bad rows: then `errors: [{index, message}]` names each, and nothing ' +
      'was imported',
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
    const result = await this.imports.import(body.tokens, actorOf(principal, client), {
      source: 'api',
    });
    if (result.errors.length > 0) throw importRefused(result);
    return result;
  }
}
