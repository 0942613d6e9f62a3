import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Lifecycle webhooks: events recorded in an outbox with the change they report, then signed and
 * sent to WEBHOOK_URL with retries. The purge of finished rows is for the scheduler to call;
 * the expiring-soon notices live with the tokens.
 */
@Module({
  providers: [WebhooksService, WebhookDispatcher, WebhookOutboxRepository],
  exports: [WebhooksService, WebhookOutboxRepository],
})
export class WebhooksModule {}
