import { ApiProperty } from '@nestjs/swagger';

/** A browser sign-in's answer: the access token only; the refresh token went into the cookie. */
export class BrowserSessionDto {
  @ApiProperty({ description: 'Session access token: keep it in memory only' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;

  @ApiProperty({ format: 'uuid' })
  sessionId: string;
}
