import { Injectable, Logger } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { MfaConfig } from './mfa-config.js';
import { PasskeysRepository, type CeremonyPurpose } from './passkeys.repository.js';

export type PasskeyResponse = AuthenticationResponseJSON;

const CEREMONY_MINUTES = 5;

/** The challenge an assertion answers, read from its client data; null when unreadable. */
export function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string | null {
  const data = response?.response?.clientDataJSON;
  if (typeof data !== 'string' || data.length > 4096) return null;
  try {
    const parsed = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof parsed.challenge === 'string' ? parsed.challenge : null;
  } catch {
    return null;
  }
}

/** Signing in with a passkey: the options of a ceremony and the check of its answer. */
@Injectable()
export class PasskeyAssertions {
  private readonly logger = new Logger(PasskeyAssertions.name);

  constructor(
    private readonly passkeys: PasskeysRepository,
    private readonly config: MfaConfig,
  ) {}

  /**
   * Options for `navigator.credentials.get()`: limited to the user's passkeys when the user is
   * known (second factor, step-up); open to any discoverable one for a password-less sign-in.
   */
  async options(
    purpose: Exclude<CeremonyPurpose, 'register'>,
    userId: string | null,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const allowCredentials = userId
      ? (await this.passkeys.listOf(userId)).map((key) => ({
          id: key.credentialId,
          transports: key.transports as AuthenticatorTransportFuture[],
        }))
      : [];
    const options = await generateAuthenticationOptions({
      rpID: this.config.webauthnRpId,
      allowCredentials,
      userVerification: 'preferred',
      timeout: CEREMONY_MINUTES * 60_000,
    });
    await this.passkeys.saveChallenge(options.challenge, purpose, userId, CEREMONY_MINUTES);
    return options;
  }

  /**
   * The owner of the passkey that signed a fresh challenge of this `purpose` (of `userId`, when
   * known), from an allowed origin for this RP id, with its counter moving forward; else null.
   */
  async verify(
    response: PasskeyResponse,
    purpose: Exclude<CeremonyPurpose, 'register'>,
    userId: string | null,
  ): Promise<string | null> {
    const challenge = challengeOf(response);
    if (!challenge || typeof response.id !== 'string') return null;
    const key = await this.passkeys.byCredentialId(response.id);
    if (!key || (userId !== null && key.userId !== userId)) return null;
    if (!(await this.passkeys.takeChallenge(challenge, purpose, userId))) return null;
    let newCounter: number;
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: [...this.config.webauthnOrigins],
        expectedRPID: this.config.webauthnRpId,
        credential: {
          id: key.credentialId,
          publicKey: new Uint8Array(key.publicKey),
          counter: Number(key.counter),
          transports: key.transports as AuthenticatorTransportFuture[],
        },
        requireUserVerification: false,
      });
      if (!result.verified) return null;
      newCounter = result.authenticationInfo.newCounter;
    } catch (error) {
      // Wrong origin or RP id, bad signature, counter going backwards: refused alike.
      this.logger.log({ msg: 'Passkey assertion refused', reason: (error as Error).message });
      return null;
    }
    return (await this.passkeys.recordUse(key.id, newCounter)) ? key.userId : null;
  }
}
