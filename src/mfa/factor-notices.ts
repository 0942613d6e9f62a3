import { Injectable, Logger } from '@nestjs/common';
import { describeError } from '../common/errors/http-exception.filter.js';
import type { ClientContext } from '../common/http/client-context.js';
import { MailService } from '../mail/mail.service.js';
import { securityNoticeMail } from '../mail/templates/security-notice.js';
import { UsersService } from '../users/users.service.js';

/** Mails the owner of an account when its second factors change or it signs in somewhere new. */
@Injectable()
export class FactorNotices {
  private readonly logger = new Logger(FactorNotices.name);

  constructor(
    private readonly mail: MailService,
    private readonly users: UsersService,
  ) {}

  async factorChanged(userId: string, change: 'added' | 'removed', what: string): Promise<void> {
    await this.notify(
      userId,
      change === 'added'
        ? 'A second factor was added to your account'
        : 'A second factor was removed from your account',
      [
        `${what} was ${change} ${change === 'added' ? 'to' : 'from'} your Tessera account at ${new Date().toISOString()}.`,
      ],
    );
  }

  async newDevice(userId: string, client: ClientContext): Promise<void> {
    const from = client.userAgent ? `${client.userAgent} at ${client.ip}` : client.ip;
    await this.notify(userId, 'A new sign-in to your account', [
      `Your Tessera account was signed in to from a device it had not seen before (${from}) at ${new Date().toISOString()}.`,
    ]);
  }

  /** Never fails the action it reports: a mail not sent is logged. */
  private async notify(userId: string, subject: string, lines: string[]): Promise<void> {
    try {
      const user = await this.users.get(userId);
      this.mail.send(
        'security-notice',
        securityNoticeMail({ to: user.email, name: user.name, subject, lines }),
      );
    } catch (error) {
      this.logger.warn({ msg: 'Security notice not sent', err: describeError(error) });
    }
  }
}
