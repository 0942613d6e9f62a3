import { Injectable } from '@nestjs/common';
import { toString as qrSvgOf } from 'qrcode';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { AppConfig } from '../common/config/app-config.js';
import { deriveKey, hmacSha256, open, seal } from '../common/crypto/crypto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { UsersService } from '../users/users.service.js';
import { FactorChanges } from './factor-changes.js';
import { FactorNotices } from './factor-notices.js';
import { MfaConfig } from './mfa-config.js';
import {
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  normalizeTotpCode,
  otpauthUri,
  totpStepOf,
} from './one-time-codes.js';
import { SecondFactorsRepository } from './second-factors.repository.js';

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** TOTP set-up, confirmation and removal; checks of codes and recovery codes. */
@Injectable()
export class TotpService {
  private readonly secretKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly factors: SecondFactorsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notices: FactorNotices,
    private readonly changes: FactorChanges,
    private readonly mfa: MfaConfig,
    config: AppConfig,
  ) {
    this.secretKey = deriveKey(config.appSecret, 'totp-secret');
    this.recoveryKey = deriveKey(config.appSecret, 'recovery-code');
  }

  /**
   * A new secret, pending until confirmed with a code (an earlier pending one is replaced).
   * @throws FactorConflict when TOTP is enabled already: disable it first.
   */
  async setUp(userId: string): Promise<TotpSetup> {
    const user = await this.users.get(userId);
    const secret = newTotpSecret();
    const started = await this.uow.run((tx) =>
      this.factors.startTotp(userId, seal(this.secretKey, secret), tx.manager),
    );
    if (!started) {
      throw new DomainError('FactorConflict', 'TOTP is already enabled: disable it first');
    }
    const uri = otpauthUri(secret, this.mfa.mfaIssuer, user.email);
    const qrSvg = await qrSvgOf(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUri: uri, qrSvg };
  }

  /**
   * Enables the pending factor with a first code and hands out ten recovery codes, the only
   * time they are shown (earlier ones stop working).
   */
  async confirm(userId: string, code: string, actor: AuditActor): Promise<string[]> {
    const normalized = normalizeTotpCode(code);
    const pending = await this.factors.totpOf(userId);
    if (!pending || pending.confirmed) {
      throw new DomainError(
        'FactorConflict',
        pending ? 'TOTP is already enabled' : 'No TOTP set-up to confirm: start one first',
      );
    }
    const step = totpStepOf(this.secretOf(pending.secretSealed), normalized);
    const codes = newRecoveryCodes();
    const confirmed = await this.uow.run(async (tx) => {
      await this.changes.begin(userId, tx);
      if (step === null || !(await this.factors.acceptTotpStep(userId, step, true, tx.manager))) {
        return false;
      }
      await this.factors.replaceRecoveryCodes(
        userId,
        codes.map((c) => this.recoveryHash(userId, normalizeRecoveryCode(c))),
        tx.manager,
      );
      await this.audit.record(
        actor,
        { action: 'mfa.totp_enabled', targetType: 'user', targetId: userId, ownerId: userId },
        tx.manager,
      );
      await this.changes.end(userId, tx, 'added');
      return true;
    });
    if (!confirmed) throw new DomainError('BadRequest', 'The code is not correct');
    await this.notices.factorChanged(userId, 'added', 'an authenticator app (TOTP)');
    return codes;
  }

  /** Removes the factor; recovery codes go with it unless a passkey remains. */
  async disable(userId: string, actor: AuditActor): Promise<void> {
    const removed = await this.uow.run(async (tx) => {
      await this.changes.begin(userId, tx);
      if (!(await this.factors.deleteTotp(userId, tx.manager))) return false;
      if ((await this.factors.enrolled(userId, tx.manager)).passkeys === 0) {
        await this.factors.deleteRecoveryCodes(userId, tx.manager);
      }
      await this.audit.record(
        actor,
        { action: 'mfa.totp_disabled', targetType: 'user', targetId: userId, ownerId: userId },
        tx.manager,
      );
      await this.changes.end(userId, tx, 'removed');
      return true;
    });
    if (!removed) throw new DomainError('NotFound', 'TOTP is not enabled');
    await this.notices.factorChanged(userId, 'removed', 'an authenticator app (TOTP)');
  }

  /**
   * Whether `code` is a current code of the user's enabled factor never accepted before. Of
   * concurrent checks with one code, exactly one is true.
   */
  async check(userId: string, code: string): Promise<boolean> {
    const normalized = normalizeTotpCode(code);
    const factor = await this.factors.totpOf(userId);
    if (!factor?.confirmed) return false;
    const step = totpStepOf(this.secretOf(factor.secretSealed), normalized);
    return step !== null && this.factors.acceptTotpStep(userId, step, false);
  }

  /** Uses one of the user's recovery codes: true once. */
  async useRecoveryCode(userId: string, input: string, actor: AuditActor): Promise<boolean> {
    const hash = this.recoveryHash(userId, normalizeRecoveryCode(input));
    return this.uow.run(async (tx) => {
      if (!(await this.factors.useRecoveryCode(userId, hash, tx.manager))) return false;
      await this.audit.record(
        actor,
        { action: 'mfa.recovery_code_used', targetType: 'user', targetId: userId, ownerId: userId },
        tx.manager,
      );
      return true;
    });
  }

  private secretOf(sealed: Buffer): string {
    const secret = open(this.secretKey, sealed);
    if (secret === null) throw new Error('A TOTP secret does not open with the current APP_SECRET');
    return secret;
  }

  /** Keyed: a copy of the table alone does not allow guessing codes offline. */
  private recoveryHash(userId: string, normalized: string): Buffer {
    return hmacSha256(this.recoveryKey, `${userId}:${normalized}`);
  }
}
