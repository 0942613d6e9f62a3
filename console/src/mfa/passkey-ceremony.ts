import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { api, publicPostJson } from '../api.js';

/** Options of a passkey sign-in ceremony (no credential needed: the mfaToken or nothing). */
export function passkeyOptions(
  path: string,
  body: unknown = {},
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return publicPostJson<PublicKeyCredentialRequestOptionsJSON>(path, body);
}

/** Options of a passkey ceremony for the signed-in person (step-up). */
export function signedInAssertionOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return api<PublicKeyCredentialRequestOptionsJSON>('POST', '/auth/step-up/passkey/options');
}

export function registrationOptions(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return api<PublicKeyCredentialCreationOptionsJSON>('POST', '/auth/mfa/passkeys/options');
}
