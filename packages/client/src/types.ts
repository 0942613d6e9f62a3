import type { components } from './api-types.js';

/** The answer of `POST /api/v1/verify`, as Tessera's OpenAPI document describes it. */
export type Verification = components['schemas']['VerificationDto'];
export type VerificationCode = Verification['code'];
/** An organization a user's credential belongs to, with the user's role in it. */
export type VerifiedOrg = components['schemas']['VerifiedOrgDto'];
export type VerifyBody = components['schemas']['VerifyDto'];
