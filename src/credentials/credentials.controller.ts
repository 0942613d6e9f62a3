import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import { CredentialsReceivedDto, RevokeCredentialsDto } from './dto/revoke-credentials.dto.js';
import { LeakedCredentialsService } from './leaked-credentials.service.js';

@ApiTags('credentials')
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly leaks: LeakedCredentialsService) {}

  @Post('revoke')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Report credentials found exposed: each live API token among them is revoked',
    description:
      'No authentication: knowing a secret is the proof. The answer is the same, as fast, ' +
      'whether or not anything matched; the owner of each revoked token is told by mail, ' +
      'webhook (`token.revoked`, reason `leaked`) and audit log. Throttled per client address.',
  })
  @ApiAcceptedResponse({ type: CredentialsReceivedDto })
  @ApiBadRequestResponse({
    description: 'Not 1 to 100 strings of 1 to 512 characters',
    type: ErrorResponseDto,
  })
  @ApiTooManyRequestsResponse({
    description:
      'Over AUTH_RATE_PER_MINUTE reports from this address, or LEAK_REPORTS_PER_MINUTE from all together',
    type: ErrorResponseDto,
  })
  async revoke(
    @Body() body: RevokeCredentialsDto,
    @Client() client: ClientContext,
  ): Promise<CredentialsReceivedDto> {
    await this.leaks.report(body.credentials, client);
    return { received: body.credentials.length };
  }
}
