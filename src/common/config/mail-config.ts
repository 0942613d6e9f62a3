import type { EnvReader } from './env-reader.js';
import type { NodeEnv } from './server-config.js';

/** Outgoing mail and the password-reset link. */
export interface MailConfig {
  /** `smtp://` or `smtps://` URL of the relay; unset outside production: mail goes to the log. */
  readonly smtpUrl?: string;
  /** Sender of every mail, `addr@host` or `Name <addr@host>`; set whenever {@link smtpUrl} is. */
  readonly mailFrom?: string;
  /** Where users open the front end, without a trailing slash; links in mails point there. */
  readonly publicUrl: string;
  /** Path of the front end's reset page under {@link publicUrl}; the token follows in the fragment. */
  readonly passwordResetPath: string;
  readonly passwordResetMinutes: number;
}

/** `addr@host` or `Name <addr@host>`, on one line. */
const MAIL_ADDRESS = /^(?:[^\s@<>]+@[^\s@<>]+|[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>)$/;
const URL_PATH = /^(?:\/[\w.~-]+)+\/?$/;

/** Outgoing mail and the reset link. In production, a mail that cannot be sent is a bad start. */
export function readMailConfig(
  read: EnvReader,
  nodeEnv: NodeEnv,
  port: number,
  problems: string[],
): MailConfig {
  const production = nodeEnv === 'production';
  const smtpUrl = read.optionalUrl('SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = read.string('MAIL_FROM', '') || undefined;
  if (mailFrom !== undefined && !MAIL_ADDRESS.test(mailFrom)) {
    problems.push('MAIL_FROM must be an address, or a name and an address: Name <addr@host>');
  }
  if (production) {
    const missing = [!smtpUrl && 'SMTP_URL', !mailFrom && 'MAIL_FROM'].filter(Boolean);
    if (missing.length > 0) {
      problems.push(
        `${missing.join(' and ')} must be set in production: password-reset links are sent by mail`,
      );
    }
  } else if (smtpUrl && !mailFrom) {
    problems.push('MAIL_FROM is required when SMTP_URL is set');
  }

  let publicUrl = read.optionalUrl('PUBLIC_URL', ['http:', 'https:']);
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl);
    if (url.search || url.hash) {
      problems.push('PUBLIC_URL must not have a query or a fragment');
    } else if (production && url.protocol !== 'https:') {
      problems.push('PUBLIC_URL must be an https:// URL in production: reset links carry a secret');
    }
    publicUrl = publicUrl.replace(/\/+$/, '');
  } else if (production && read.string('PUBLIC_URL', '') === '') {
    problems.push('PUBLIC_URL is required in production: reset links point there');
  }

  const passwordResetPath = read.string('PASSWORD_RESET_PATH', '/console/reset-password');
  if (!URL_PATH.test(passwordResetPath)) {
    problems.push(
      `PASSWORD_RESET_PATH must be a path such as /console/reset-password (got "${passwordResetPath}")`,
    );
  }
  return {
    smtpUrl,
    mailFrom,
    publicUrl: publicUrl ?? `http://localhost:${port}`,
    passwordResetPath,
    passwordResetMinutes: read.int('PASSWORD_RESET_MINUTES', 30, 5, 1440),
  };
}
