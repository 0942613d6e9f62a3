import type { MailMessage } from '../mail-transport.js';
import { html } from '../html.js';

export const TOKEN_LEAKED_SUBJECT = 'One of your Tessera API tokens was exposed and is revoked';

export interface TokenLeakedMail {
  to: string;
  name: string | null;
  tokenName: string;
  /** The first characters of the secret, as the token list shows them; never the secret. */
  prefix: string;
  revokedAt: Date;
}

/**
 * Tells an owner that one of their API tokens was reported as exposed and is revoked: which one,
 * when, and what to do next. As plain text and as HTML (every value escaped there).
 */
export function tokenLeakedMail({
  to,
  name,
  tokenName,
  prefix,
  revokedAt,
}: TokenLeakedMail): MailMessage {
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const when = revokedAt.toISOString();
  const token = `"${tokenName}" (${prefix}…)`;
  const steps = [
    'Create a new token with the scopes you need, and put it where the old one was used.',
    'Find where the old token was exposed (a public repository, a log, a paste) and remove it.',
    'Check the activity of your account for requests you do not recognise.',
  ];
  const text = [
    greeting,
    '',
    `Your Tessera API token ${token} was found exposed and reported to us.`,
    `It was revoked at ${when} and no longer works: nobody can use it any more, you included.`,
    '',
    'What to do next:',
    ...steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    'You need not reply to this mail. The token cannot be restored.',
    '',
  ].join('\n');
  const body = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>${greeting}</p>
        <p>
          Your Tessera API token <strong>${tokenName}</strong> (<code>${prefix}…</code>) was found
          exposed and reported to us. It was revoked at ${when} and no longer works: nobody can use
          it any more, you included.
        </p>
        <p>What to do next:</p>
        <ol>
          <li>${steps[0]}</li>
          <li>${steps[1]}</li>
          <li>${steps[2]}</li>
        </ol>
        <p>You need not reply to this mail. The token cannot be restored.</p>
      </body>
    </html> `;
  // The subject stays fixed: a token's name is its owner's text, not a mail header's.
  return { to, subject: TOKEN_LEAKED_SUBJECT, text, html: body.value };
}
