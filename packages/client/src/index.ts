export { TesseraClient, type TesseraClientOptions, type VerifyOptions } from './client.js';
export type { Verification, VerificationCode, VerifiedOrg } from './types.js';
export {
  TesseraAuthError,
  TesseraError,
  TesseraNetworkError,
  TesseraRateLimitError,
  TesseraServerError,
} from './errors.js';
export {
  decide,
  credentialOf,
  type Decision,
  type OrgRequirement,
  type TesseraPrincipal,
} from './decision.js';
