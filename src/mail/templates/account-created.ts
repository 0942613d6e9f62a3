import type { MailMessage } from '../mail-transport.js';
import { html } from '../html.js';

export interface AccountCreatedMail {
  to: string;
  name: string | null;
  link: string;
  minutes: number;
}

/** The mail to an account an admin created: a link to choose its first password. */
export function accountCreatedMail({ to, name, link, minutes }: AccountCreatedMail): MailMessage {
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const text = [
    greeting,
    '',
    `An administrator created the Tessera account ${to} for you.`,
    `To choose its password, open this link within ${minutes} minutes:`,
    '',
    link,
    '',
    'The link works once. If it has expired, ask for a new one with "Forgot password".',
    '',
  ].join('\n');
  const body = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>${greeting}</p>
        <p>
          An administrator created the Tessera account <strong>${to}</strong> for you. To choose its
          password, open this link within ${minutes} minutes:
        </p>
        <p><a href="${link}">Choose a password</a></p>
        <p>The link works once. If it has expired, ask for a new one with "Forgot password".</p>
      </body>
    </html> `;
  return { to, subject: 'Your Tessera account', text, html: body.value };
}
