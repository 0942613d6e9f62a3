import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { Client } from '../common/http/client-context.decorator.js';
import type { ClientContext } from '../common/http/client-context.js';
import {
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  PasswordResetRequestedDto,
} from './dto/password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

export const RESET_REQUESTED =
  'If an account has this email, a link to reset its password is on its way.';

@ApiTags('auth')
@ApiPayloadTooLargeResponse({ description: 'Body over 64 KiB', type: ErrorResponseDto })
@ApiTooManyRequestsResponse({ type: ErrorResponseDto })
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post('request')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a password-reset link',
    description:
      'The same answer, as fast, whether or not an account has this email. The link works once, ' +
      'for PASSWORD_RESET_MINUTES, and replaces any earlier one.',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  @ApiBadRequestResponse({ description: 'Not an email', type: ErrorResponseDto })
  async request(
    @Body() body: PasswordResetRequestDto,
    @Client() client: ClientContext,
  ): Promise<PasswordResetRequestedDto> {
    await this.resets.request(body.email, client);
    return { message: RESET_REQUESTED };
  }

  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description: 'Every session of the account ends; its API tokens keep working.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    description:
      'Unknown, used or expired token (one message for all), or a password of the wrong length',
    type: ErrorResponseDto,
  })
  async confirm(
    @Body() body: PasswordResetConfirmDto,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.resets.confirm(body.token, body.newPassword, client);
  }
}
