import { Injectable, Logger } from '@nestjs/common';
import type { AuditActor } from '../audit/audit.service.js';
import { AuthThrottleService } from '../auth/auth-throttle.service.js';
import { BackgroundTasks } from '../common/background/background-tasks.js';
import { sha256 } from '../common/crypto/crypto.js';
import { describeError } from '../common/errors/http-exception.filter.js';
import type { ClientContext } from '../common/http/client-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { tokenLeakedMail } from '../mail/templates/token-leaked.js';
import { isLegacyTokenShape, isWellFormedApiToken } from '../tokens/token-format.js';
import { TokenReadsService } from '../tokens/token-reads.service.js';
import { TokenRevocationService } from '../tokens/token-revocation.service.js';
import { UsersRepository } from '../users/users.repository.js';

/**
 * Revocation of API tokens whose secrets someone found exposed, as GitHub's secret scanning
 * partners report them: whoever knows a live token's secret may end it.
 */
@Injectable()
export class LeakedCredentialsService {
  private readonly logger = new Logger(LeakedCredentialsService.name);
  /**
   * Tokens whose revocation is under way here: the same secret reported many times at once
   * costs one transaction, not one connection per report waiting on the token's row lock.
   */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenReadsService,
    private readonly revocation: TokenRevocationService,
    private readonly users: UsersRepository,
    private readonly mail: MailService,
    private readonly tasks: BackgroundTasks,
    private readonly throttle: AuthThrottleService,
  ) {}

  /**
   * Before answering, only the throttle and the checksums, which depend on nothing stored. The
   * lookups, revocations and mails come after the answer, so that neither it nor its timing
   * tells whether a string was a live token.
   */
  async report(credentials: string[], client: ClientContext): Promise<void> {
    await this.throttle.leakReport(client.ip);
    // Repeats count once, and only hashes outlive the request. A `tsr_` string is ours (its
    // checksum is checked); any other string that could be an imported secret is looked up by
    // its SHA-256 among imported tokens, as the bearer check does. The two never meet.
    const unique = [...new Set(credentials)];
    const hashes = {
      issued: unique.filter(isWellFormedApiToken).map(sha256),
      imported: unique.filter(isLegacyTokenShape).map(sha256),
    };
    if (hashes.issued.length + hashes.imported.length === 0) return;
    const actor: AuditActor = {
      userId: null,
      via: 'leak_report',
      ip: client.ip,
      userAgent: client.userAgent,
    };
    this.tasks.run('leaked-credentials', () => this.revokeLive(hashes, actor));
  }

  /** After the answer: each live token revoked in a transaction of its own, its owner told. */
  private async revokeLive(
    hashes: { issued: Buffer[]; imported: Buffer[] },
    actor: AuditActor,
  ): Promise<void> {
    const ids = await this.tokens.activeIdsByHash(hashes.issued, hashes.imported);
    let revoked = 0;
    for (const id of ids) {
      // Another report of it is revoking it now: that one tells the owner.
      if (this.inFlight.has(id)) continue;
      this.inFlight.add(id);
      try {
        if (await this.revokeOne(id, actor)) revoked++;
      } catch (error) {
        this.logger.error({
          msg: 'Leaked token not revoked',
          tokenId: id,
          err: describeError(error),
        });
      } finally {
        this.inFlight.delete(id);
      }
    }
    if (ids.length > 0) this.logger.log({ msg: 'Leaked tokens revoked', revoked });
  }

  private revokeOne(id: string, actor: AuditActor): Promise<boolean> {
    return this.uow.run(async (tx) => {
      // The audit event, the webhook and the cache invalidation come with the revocation.
      const token = await this.revocation.revokeIn(tx, null, id, actor, 'leaked');
      // Revoked meanwhile (a repeated report, its owner): told once already, or not at all.
      if (!token) return false;
      // Through the transaction's own connection: it holds the token's row lock, and asking the
      // pool for a second one while many reports wait on that lock could starve the pool.
      // An organization's token: the person who made it is told, while they have an account.
      const recipient = token.userId ?? token.createdBy;
      if (!recipient) return true;
      const owner = await this.users.findById(recipient, tx.manager);
      if (!owner) return true;
      tx.afterCommit(() =>
        this.mail.send(
          'token-leaked',
          tokenLeakedMail({
            to: owner.email,
            name: owner.name,
            tokenName: token.name,
            prefix: token.prefix,
            revokedAt: token.revokedAt,
          }),
        ),
      );
      return true;
    });
  }
}
