import { Module } from '@nestjs/common';
import { ExpiryNoticeService } from './expiry-notice.service.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Lifecycle webhooks: events recorded in an outbox with the change they report, then signed and
 * sent to WEBHOOK_URL with retries. The expiring-soon notices and the purge of finished rows are
 * for the scheduler to call.
 */
@Module({
  providers: [WebhooksService, WebhookDispatcher, WebhookOutboxRepository, ExpiryNoticeService],
  exports: [WebhooksService, WebhookOutboxRepository, ExpiryNoticeService],
})
export class WebhooksModule {}
