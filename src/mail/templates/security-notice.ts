import { SafeHtml, html } from '../html.js';
import type { MailMessage } from '../mail-transport.js';

export interface SecurityNoticeMail {
  to: string;
  name: string | null;
  subject: string;
  /** What happened, one sentence each; never a secret. */
  lines: readonly string[];
}

const ADVICE =
  'If this was not you, change your password at once, check your second factors and end the sessions you do not recognise.';

/**
 * A notice to an account's owner about its sign-in security (a second factor added or
 * removed, a sign-in from a new device), with what to do if it was not them.
 */
export function securityNoticeMail({ to, name, subject, lines }: SecurityNoticeMail): MailMessage {
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const text = [greeting, '', ...lines, '', ADVICE, ''].join('\n');
  const paragraphs = new SafeHtml(lines.map((line) => html`<p>${line}</p>`.value).join('\n'));
  const page = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>${greeting}</p>
        ${paragraphs}
        <p>${ADVICE}</p>
      </body>
    </html>`;
  return { to, subject, text, html: page.value };
}
