import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../common/config/app-config.js';

export class TokenDefaultsDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 90,
    description:
      'Days a token created without an expiry lives (TOKEN_DEFAULT_DAYS); null: it never expires',
  })
  defaultDays: number | null;

  @ApiProperty({
    type: 'integer',
    example: 3650,
    description: 'The longest lifetime a token may be given, in days (TOKEN_MAX_DAYS)',
  })
  maxDays: number;
}

/** The server's token lifetimes, so that a client (the console) offers the same default. */
@ApiTags('tokens')
@Controller('tokens/defaults')
export class TokenDefaultsController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'The lifetime a new API token gets by default, and the longest' })
  @ApiOkResponse({ type: TokenDefaultsDto })
  get(): TokenDefaultsDto {
    return { defaultDays: this.config.tokenDefaultDays, maxDays: this.config.tokenMaxDays };
  }
}
