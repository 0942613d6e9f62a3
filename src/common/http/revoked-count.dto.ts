import { ApiProperty } from '@nestjs/swagger';

/** How many credentials a bulk revocation ended (sessions or API tokens). */
export class RevokedCountDto {
  @ApiProperty({ example: 2 })
  revoked: number;
}
