import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

export const MAX_REPORTED_CREDENTIALS = 100;
/** Far above an API token's 44 characters; 100 of them stay under the 64 KiB body limit. */
export const MAX_CREDENTIAL_LENGTH = 512;

export class RevokeCredentialsDto {
  @ApiProperty({
    description:
      'Secrets found exposed, as found (`tsr_…`). Strings that are not well-formed API tokens ' +
      'are ignored.',
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: MAX_CREDENTIAL_LENGTH },
    minItems: 1,
    maxItems: MAX_REPORTED_CREDENTIALS,
    example: ['tsr_0123456789abcdefghijABCDEFGHIJ012345678A'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPORTED_CREDENTIALS)
  @IsString({ each: true })
  @Length(1, MAX_CREDENTIAL_LENGTH, { each: true })
  credentials: string[];
}

export class CredentialsReceivedDto {
  @ApiProperty({
    description: 'How many strings the report held: the same whether or not any was live',
    example: 1,
  })
  received: number;
}
