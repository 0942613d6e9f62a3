import { Injectable } from '@nestjs/common';
import { AuthThrottleService } from '../auth/auth-throttle.service.js';
import { SecondFactorGate, type MfaRequired } from '../auth/second-factor-gate.js';
import type { AuditActor } from '../audit/audit.service.js';
import { constantTimeEqual, randomSecret, sha256 } from '../common/crypto/crypto.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ClientContext } from '../common/http/client-context.js';
import { SessionsService, type TokenPair } from '../sessions/sessions.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { BackgroundTasks } from '../common/background/background-tasks.js';
import { SessionDevices } from '../sessions/session-devices.js';
import { FactorNotices } from './factor-notices.js';
import { FactorVerifier, type FactorProof } from './factor-verifier.js';
import { PasskeyAssertions, type PasskeyResponse } from './passkey-assertions.js';
import { MfaChallengesRepository } from './mfa-challenges.repository.js';
import { SecondFactorsRepository } from './second-factors.repository.js';

const MFA_TOKEN_PREFIX = 'tsrm_';
const CHALLENGE_MINUTES = 5;

const refused = () =>
  new DomainError('InvalidCredentials', 'The mfaToken is invalid, expired, used up or used');

/**
 * A login in two steps: the password (at /auth/login) hands out a short-lived `mfaToken`;
 * a second factor against it (at /auth/mfa/verify) opens the session.
 */
@Injectable()
export class MfaLoginService extends SecondFactorGate {
  constructor(
    private readonly challenges: MfaChallengesRepository,
    private readonly factors: SecondFactorsRepository,
    private readonly verifier: FactorVerifier,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly throttle: AuthThrottleService,
    private readonly assertions: PasskeyAssertions,
    private readonly devices: SessionDevices,
    private readonly notices: FactorNotices,
    private readonly tasks: BackgroundTasks,
  ) {
    super();
  }

  signedIn(userId: string, sessionId: string, client: ClientContext): void {
    this.tasks.run('new-device-notice', async () => {
      if (await this.devices.isNewDevice(userId, sessionId, client)) {
        await this.notices.newDevice(userId, client);
      }
    });
  }

  async required(userId: string): Promise<boolean> {
    const enrolled = await this.factors.enrolled(userId);
    return enrolled.totp || enrolled.passkeys > 0;
  }

  async challenge(
    user: { id: string; passwordHash: string },
    _client: ClientContext,
  ): Promise<MfaRequired | null> {
    const enrolled = await this.factors.enrolled(user.id);
    if (!enrolled.totp && enrolled.passkeys === 0) return null;
    const mfaToken = MFA_TOKEN_PREFIX + randomSecret(32);
    await this.challenges.insert(
      user.id,
      sha256(mfaToken),
      sha256(user.passwordHash),
      CHALLENGE_MINUTES,
    );
    const methods: MfaRequired['methods'] = [];
    if (enrolled.totp) methods.push('totp');
    if (enrolled.passkeys > 0) methods.push('passkey');
    if (enrolled.recoveryCodesLeft > 0) methods.push('recovery');
    return { mfaRequired: true, mfaToken, methods };
  }

  /** The user a live `mfaToken` belongs to, without counting an attempt (passkey options). */
  async pending(mfaToken: string): Promise<{ id: string; userId: string }> {
    const live = mfaToken.startsWith(MFA_TOKEN_PREFIX)
      ? await this.challenges.live(sha256(mfaToken))
      : null;
    if (!live) throw refused();
    return live;
  }

  /**
   * Completes a login with a second factor: each call is one of the challenge's attempts, and
   * of concurrent right answers only the first opens a session.
   */
  async complete(mfaToken: string, proof: FactorProof, client: ClientContext): Promise<TokenPair> {
    await this.throttle.attempt('login', { ip: client.ip });
    this.verifier.assertWellFormed(proof);
    const challenge = mfaToken.startsWith(MFA_TOKEN_PREFIX)
      ? await this.challenges.attempt(sha256(mfaToken))
      : null;
    if (!challenge) throw refused();
    const actor: AuditActor = {
      userId: challenge.userId,
      via: 'password',
      ip: client.ip,
      userAgent: client.userAgent,
    };
    const ok = await this.verifier.verify(challenge.userId, proof, actor, 'mfa');
    if (!ok) throw new DomainError('InvalidCredentials', 'The second factor is not correct');
    if (!(await this.challenges.consume(challenge.id))) throw refused();
    const user = await this.users.findById(challenge.userId);
    // The password checked at the first step must still be the current one.
    if (!user || !constantTimeEqual(sha256(user.passwordHash), challenge.passwordFingerprint)) {
      throw refused();
    }
    const pair = await this.sessions.start(user, client);
    if (!pair) throw refused();
    this.signedIn(user.id, pair.sessionId, client);
    return pair;
  }

  /** Options of a password-less sign-in: throttled, as each one stores a challenge. */
  async signInOptions(client: ClientContext) {
    await this.throttle.attempt('login', { ip: client.ip });
    return this.assertions.options('login', null);
  }

  /** A password-less sign-in: a discoverable passkey's assertion opens a session on its own. */
  async signInWithPasskey(response: PasskeyResponse, client: ClientContext): Promise<TokenPair> {
    await this.throttle.attempt('login', { ip: client.ip });
    const userId = await this.assertions.verify(response, 'login', null);
    const user = userId ? await this.users.findById(userId) : null;
    const pair = user ? await this.sessions.start(user, client) : null;
    if (!pair) throw new DomainError('InvalidCredentials', 'The passkey was not accepted');
    this.signedIn(user!.id, pair.sessionId, client);
    return pair;
  }
}
