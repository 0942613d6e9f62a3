import type { MailMessage } from '../mail-transport.js';
import { html } from '../html.js';

export interface PasswordResetMail {
  to: string;
  name: string | null;
  link: string;
  minutes: number;
}

/** The mail with a reset link, as plain text and as HTML (every value escaped there). */
export function passwordResetMail({ to, name, link, minutes }: PasswordResetMail): MailMessage {
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const text = [
    greeting,
    '',
    `Someone, hopefully you, asked to reset the password of the Tessera account ${to}.`,
    `To choose a new password, open this link within ${minutes} minutes:`,
    '',
    link,
    '',
    'The link works once. Setting a new password logs this account out everywhere.',
    'If you did not ask for this, ignore this mail: your password stays as it is.',
    '',
  ].join('\n');
  const body = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>${greeting}</p>
        <p>
          Someone, hopefully you, asked to reset the password of the Tessera account
          <strong>${to}</strong>. To choose a new password, open this link within ${minutes}
          minutes:
        </p>
        <p><a href="${link}">Choose a new password</a></p>
        <p>The link works once. Setting a new password logs this account out everywhere.</p>
        <p>If you did not ask for this, ignore this mail: your password stays as it is.</p>
      </body>
    </html> `;
  return { to, subject: 'Reset your Tessera password', text, html: body.value };
}
