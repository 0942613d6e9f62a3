import { Injectable } from '@nestjs/common';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { UsersService } from '../users/users.service.js';
import { FactorChanges } from './factor-changes.js';
import { FactorNotices } from './factor-notices.js';
import { MfaConfig } from './mfa-config.js';
import { challengeOf } from './passkey-assertions.js';
import type { Passkey } from './passkey.entity.js';
import { PasskeysRepository } from './passkeys.repository.js';
import { SecondFactorsRepository } from './second-factors.repository.js';

const CEREMONY_MINUTES = 5;
const MAX_PASSKEYS = 20;

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' ||
  (error as { code?: string })?.code === '23505';

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const toPasskeyView = (key: Passkey): PasskeyView => ({
  id: key.id,
  name: key.name,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

/** Registering, naming, listing and removing a user's passkeys. */
@Injectable()
export class PasskeyRegistrationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly passkeys: PasskeysRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notices: FactorNotices,
    private readonly changes: FactorChanges,
    private readonly factors: SecondFactorsRepository,
    private readonly config: MfaConfig,
  ) {}

  async options(userId: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const user = await this.users.get(userId);
    const existing = await this.passkeys.listOf(userId);
    if (existing.length >= MAX_PASSKEYS) {
      throw new DomainError('FactorConflict', `At most ${MAX_PASSKEYS} passkeys per account`);
    }
    const options = await generateRegistrationOptions({
      rpName: this.config.mfaIssuer,
      rpID: this.config.webauthnRpId,
      userName: user.email,
      userDisplayName: user.name ?? user.email,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((key) => ({
        id: key.credentialId,
        transports: key.transports as AuthenticatorTransportFuture[],
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      timeout: CEREMONY_MINUTES * 60_000,
    });
    await this.passkeys.saveChallenge(options.challenge, 'register', userId, CEREMONY_MINUTES);
    return options;
  }

  async register(
    userId: string,
    response: RegistrationResponseJSON,
    name: string,
    actor: AuditActor,
  ): Promise<PasskeyView> {
    const challenge = challengeOf(response);
    if (!challenge || !(await this.passkeys.takeChallenge(challenge, 'register', userId))) {
      throw new DomainError(
        'BadRequest',
        'The registration answers no open challenge: ask for new options',
      );
    }
    let info;
    try {
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: [...this.config.webauthnOrigins],
        expectedRPID: this.config.webauthnRpId,
        requireUserVerification: false,
      });
      if (!result.verified) throw new Error('not verified');
      info = result.registrationInfo;
    } catch (error) {
      throw new DomainError(
        'BadRequest',
        `The passkey was not accepted: ${(error as Error).message}`,
      );
    }
    let saved: Passkey;
    try {
      saved = await this.uow.run(async (tx) => {
        await this.changes.begin(userId, tx);
        const key = await this.passkeys.insert(
          {
            userId,
            credentialId: info.credential.id,
            publicKey: Buffer.from(info.credential.publicKey),
            counter: String(info.credential.counter),
            transports: info.credential.transports ?? [],
            name,
          },
          tx.manager,
        );
        await this.audit.record(
          actor,
          {
            action: 'mfa.passkey_added',
            targetType: 'user',
            targetId: userId,
            ownerId: userId,
            details: { passkeyId: key.id },
          },
          tx.manager,
        );
        await this.changes.end(userId, tx, 'added');
        return key;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('FactorConflict', 'This passkey is registered already');
      }
      throw error;
    }
    await this.notices.factorChanged(userId, 'added', `A passkey named "${name}"`);
    return toPasskeyView(saved);
  }

  async list(userId: string): Promise<PasskeyView[]> {
    return (await this.passkeys.listOf(userId)).map(toPasskeyView);
  }

  async rename(userId: string, id: string, name: string): Promise<PasskeyView> {
    const key = await this.passkeys.rename(userId, id, name);
    if (!key) throw notFound('Passkey');
    return toPasskeyView(key);
  }

  async remove(userId: string, id: string, actor: AuditActor): Promise<void> {
    const removed = await this.uow.run(async (tx) => {
      await this.changes.begin(userId, tx);
      const key = await this.passkeys.delete(userId, id, tx.manager);
      if (!key) return null;
      const left = await this.factors.enrolled(userId, tx.manager);
      if (!left.totp && left.passkeys === 0) {
        await this.factors.deleteRecoveryCodes(userId, tx.manager);
      }
      await this.audit.record(
        actor,
        {
          action: 'mfa.passkey_removed',
          targetType: 'user',
          targetId: userId,
          ownerId: userId,
          details: { passkeyId: id },
        },
        tx.manager,
      );
      await this.changes.end(userId, tx, 'removed');
      return key;
    });
    if (!removed) throw notFound('Passkey');
    await this.notices.factorChanged(userId, 'removed', `The passkey "${removed.name}"`);
  }
}
