import type { ClientContext } from '../common/http/client-context.js';

/** The answer of a login whose password was right and which waits for a second factor. */
export interface MfaRequired {
  mfaRequired: true;
  /** Completes the login at `POST /auth/mfa/verify`: 5 minutes, 5 attempts, once. */
  mfaToken: string;
  methods: ('totp' | 'passkey' | 'recovery')[];
}

/**
 * What the login asks of the second-factor module (provided by it, so that auth does not
 * depend on it): whether a user must show a second factor, and the challenge to answer.
 */
export abstract class SecondFactorGate {
  /** The challenge of a user with a second factor; null for a user without one. */
  abstract challenge(
    user: { id: string; passwordHash: string },
    client: ClientContext,
  ): Promise<MfaRequired | null>;

  /** Whether the user has a second factor (the OAuth password grant refuses such a user). */
  abstract required(userId: string): Promise<boolean>;

  /** A session was opened: the owner hears of a sign-in from a new device. Never throws. */
  abstract signedIn(userId: string, sessionId: string, client: ClientContext): void;
}
