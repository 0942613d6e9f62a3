import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { expiryNoticeKey, tokenEvent } from './webhook-events.js';
import { WebhooksService } from './webhooks.service.js';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const tokens = await this.dataSource
        .getRepository(ApiToken)
        .createQueryBuilder('t')
        .where('t.id > :after', { after })
        // A token in a rotation's grace period (revoked_at ahead) has a successor already.
        .andWhere('t.revoked_at IS NULL')
        .andWhere('t.expires_at > now() AND t.expires_at <= now() + make_interval(days => :days)', {
          days: this.config.tokenExpiryNoticeDays,
        })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.dedupe_key =
             'token.expiring_soon:' || t.id || ':' || floor(extract(epoch FROM t.expires_at))::bigint)`,
        )
        .orderBy('t.id')
        .limit(BATCH)
        .getMany();
      if (tokens.length === 0) break;
      after = tokens[tokens.length - 1].id;
      if (dryRun) {
        events += tokens.length;
        continue;
      }
      events += await this.webhooks.enqueue(
        tokens.map((token) =>
          tokenEvent(
            'token.expiring_soon',
            token,
            { expiresAt: token.expiresAt!.toISOString() },
            expiryNoticeKey(token.id, token.expiresAt!),
          ),
        ),
        this.dataSource.manager,
      );
    }
    if (events > 0 || dryRun) {
      this.logger.log({ msg: 'Expiring-soon notices', events, dryRun });
    }
    return { events };
  }
}
