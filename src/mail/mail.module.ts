import { Module } from '@nestjs/common';
import { BackgroundModule } from '../common/background/background.module.js';
import { AppConfig } from '../common/config/app-config.js';
import { LogTransport, MailTransport, SmtpTransport } from './mail-transport.js';
import { MailService } from './mail.service.js';

/** Outgoing mail: over SMTP when SMTP_URL is set, else (never in production) to the log. */
@Module({
  imports: [BackgroundModule],
  providers: [
    MailService,
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailTransport =>
        config.smtpUrl && config.mailFrom
          ? new SmtpTransport(config.smtpUrl, config.mailFrom)
          : new LogTransport(),
    },
  ],
  exports: [MailService],
})
export class MailModule {}
