import { Injectable } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { normalizeRecoveryCode, normalizeTotpCode } from './one-time-codes.js';
import { PasskeyAssertions, type PasskeyResponse } from './passkey-assertions.js';
import { TotpService } from './totp.service.js';

/** One proof of a second factor, as a login or a step-up sends it. */
export interface FactorProof {
  code?: string;
  recoveryCode?: string;
  passkey?: PasskeyResponse;
}

/** Checks a second factor of a user, whichever kind it is. */
@Injectable()
export class FactorVerifier {
  constructor(
    private readonly totp: TotpService,
    private readonly passkeys: PasskeyAssertions,
  ) {}

  /** Exactly one proof, well-formed: bad input is a 400 that counts no attempt. */
  assertWellFormed(proof: FactorProof): void {
    const given = [proof.code, proof.recoveryCode, proof.passkey].filter((p) => p !== undefined);
    if (given.length !== 1) {
      throw new DomainError('BadRequest', 'Send exactly one of code, recoveryCode and passkey');
    }
    if (proof.code !== undefined) normalizeTotpCode(proof.code);
    if (proof.recoveryCode !== undefined) normalizeRecoveryCode(proof.recoveryCode);
  }

  /**
   * Whether the proof is right. A code or a recovery code is used up by it; a passkey
   * assertion must answer a challenge handed out for `purpose` to this user.
   */
  async verify(
    userId: string,
    proof: FactorProof,
    actor: AuditActor,
    purpose: 'mfa' | 'step-up',
  ): Promise<boolean> {
    this.assertWellFormed(proof);
    if (proof.code !== undefined) return this.totp.check(userId, proof.code);
    if (proof.recoveryCode !== undefined) {
      return this.totp.useRecoveryCode(userId, proof.recoveryCode, actor);
    }
    if (typeof proof.passkey !== 'object' || proof.passkey === null) {
      throw new DomainError('BadRequest', 'passkey must be the credential the browser returned');
    }
    return (await this.passkeys.verify(proof.passkey, purpose, userId)) === userId;
  }
}
