import { Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Hands a mail on. A rejection means it was not accepted, and may be tried again. */
export abstract class MailTransport {
  abstract deliver(message: MailMessage): Promise<void>;

  close(): void {}
}

/** Over SMTP to the relay of SMTP_URL, one connection per mail: a few mails an hour. */
export class SmtpTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string, from: string) {
    super();
    // Bounded waits: an unresponsive relay must not hold a retry, or shutdown, for minutes.
    // Options in the URL's query string take precedence.
    this.transporter = nodemailer.createTransport(
      { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from },
    );
  }

  async deliver(message: MailMessage): Promise<void> {
    await this.transporter.sendMail(message);
  }

  override close(): void {
    this.transporter.close();
  }
}

/**
 * Outside production with no SMTP_URL: the mail goes to the log, links and all, so that a
 * developer can follow them. Configuration makes sure this never happens in production.
 */
export class LogTransport extends MailTransport {
  private readonly logger = new Logger('Mail');

  deliver(message: MailMessage): Promise<void> {
    this.logger.log({
      msg: 'No SMTP_URL set: mail written here instead of sent',
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return Promise.resolve();
  }
}
