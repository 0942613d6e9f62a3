import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { expiryNoticeKey, tokenEvent } from './token-events.js';
/** Tokens read and events recorded per statement. */
const BATCH = 500;

/**
 * `token.expiring_soon` for every active token that expires within TOKEN_EXPIRY_NOTICE_DAYS,
 * once per token and expiry: meant to run daily, it may run twice, or on several instances at
 * once, and a token still gets one notice (the outbox's dedupe key decides).
 */
@Injectable()
export class ExpiryNoticeService {
  private readonly logger = new Logger(ExpiryNoticeService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: ApiTokensRepository,
    private readonly webhooks: WebhooksService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records the notices not recorded yet; with `dryRun`, only counts them. Without WEBHOOK_URL
   * there is nothing to do.
   */
  async run({ dryRun = false }: { dryRun?: boolean } = {}): Promise<{ events: number }> {
    if (!this.webhooks.enabled) return { events: 0 };
    let events = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const expiring = await this.tokens.expiringUnrevoked(
        this.config.tokenExpiryNoticeDays,
        after,
        BATCH,
      );
      if (expiring.length === 0) break;
      after = expiring[expiring.length - 1].id;
      const keyed = expiring.map((token) => ({
        token,
        key: expiryNoticeKey(token.id, token.expiresAt!),
      }));
      const recorded = await this.webhooks.recordedDedupeKeys(keyed.map(({ key }) => key));
      const due = keyed.filter(({ key }) => !recorded.has(key));
      if (due.length === 0) continue;
      if (dryRun) {
        events += due.length;
        continue;
      }
      const batch = due.map(({ token, key }) =>
        tokenEvent(
          'token.expiring_soon',
          token,
          { expiresAt: token.expiresAt!.toISOString() },
          key,
        ),
      );
      events += await this.uow.run((tx) => this.webhooks.enqueue(batch, tx));
    }
    if (events > 0 || dryRun) {
      this.logger.log({ msg: 'Expiring-soon notices', events, dryRun });
    }
    return { events };
  }
}
