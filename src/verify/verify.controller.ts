import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { insufficientScope } from '../common/errors/domain-error.js';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import { JsonBodyOnly } from '../common/http/json-body.guard.js';
import { SerializedAs } from '../common/http/serialized.js';
import { WellFormedTextPipe } from '../common/http/text-input.pipe.js';
import { VERIFICATION_SHAPE, VerificationDto, VerifyDto } from './verify.dto.js';
import { VerifyBodyPipe } from './verify-body.pipe.js';
import { VerifyService } from './verify.service.js';

/** Verification for services that receive Tessera credentials and want a use counted. */
@ApiTags('verification')
@Controller('verify')
export class VerifyController {
  constructor(private readonly verifier: VerifyService) {}

  @Post()
  @HttpCode(200)
  @JsonBodyOnly()
  // The verifying service's own token is not charged per-token limits.
  @Authenticated({ chargeExemptFor: ['tokens:verify', 'admin'] })
  @SerializedAs(VERIFICATION_SHAPE)
  @ApiOperation({
    summary: 'May this credential be used now? Counts as its use',
    description:
      "Needs the `tokens:verify` or `admin` scope. Always 200: `code` says why a credential is not valid. Unlike introspection, this charges an API token's rate limits and records its last use from `clientIp`.",
  })
  @ApiBody({ type: VerifyDto })
  @ApiOkResponse({ type: VerificationDto })
  @ApiBadRequestResponse({ description: 'A malformed body', type: ErrorResponseDto })
  @ApiUnsupportedMediaTypeResponse({
    description: 'A body that is not application/json',
    type: ErrorResponseDto,
  })
  @ApiForbiddenResponse({
    description: 'The credential holds neither tokens:verify nor admin',
    type: ErrorResponseDto,
  })
  async verify(@Req() request: VerifyRequest): Promise<VerificationDto> {
    // The global text pipe's check, then the body's own, as the pipes of a @Body() parameter
    // would run them, in that order (400 before the 403 below): the request is the handler's
    // only parameter, so that no pipe runs for nothing on the route other services call on
    // every request.
    const body = CHECKED_BODY.transform(WELL_FORMED.transform(request.body, BODY));
    const principal = request.user;
    if (!principal.scopes.includes('tokens:verify') && !principal.scopes.includes('admin')) {
      throw insufficientScope('tokens:verify');
    }
    return this.verifier.verify(body);
  }
}

/** What the handler reads of the request: the body, and the caller the guard resolved. */
interface VerifyRequest {
  body: unknown;
  user: AuthPrincipal;
}

const WELL_FORMED = new WellFormedTextPipe();
const CHECKED_BODY = new VerifyBodyPipe();
const BODY = { type: 'body', metatype: undefined, data: undefined } as const;
