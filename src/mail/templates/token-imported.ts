import type { MailMessage } from '../mail-transport.js';
import { SafeHtml, html } from '../html.js';

export const TOKENS_IMPORTED_SUBJECT = 'API tokens were imported into your Tessera account';
export const ORG_TOKENS_IMPORTED_SUBJECT =
  'API tokens were imported into an organization you administer on Tessera';

/** Names listed in one mail; the rest are counted. */
const LISTED = 20;

export interface TokensImportedMail {
  to: string;
  name: string | null;
  /** The names of the tokens imported for this owner in one import. */
  tokenNames: string[];
  scopes: string[];
  importedAt: Date;
  /** Set when the tokens are an organization's: the mail goes to its owners and admins. */
  org?: { name: string; slug: string };
}

/**
 * Tells an owner that API tokens from another system were imported into their account (one
 * mail per owner and import): an import gives working credentials in their name, so they must
 * learn of it as of a token they made. As plain text and as HTML (every value escaped there).
 */
export function tokensImportedMail({
  to,
  name,
  tokenNames,
  scopes,
  importedAt,
  org,
}: TokensImportedMail): MailMessage {
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const when = importedAt.toISOString();
  const count = tokenNames.length;
  const listed = tokenNames.slice(0, LISTED);
  const more = count - listed.length;
  const what = count === 1 ? 'An API token was' : `${count} API tokens were`;
  const into = org
    ? `the organization ${org.name} (${org.slug}), which you administer,`
    : 'your Tessera account';
  const intro = `${what} imported into ${into} at ${when} by an administrator, from the system your tokens were kept in before.`;
  const scopeLine = `Scopes they hold: ${scopes.join(', ')}.`;
  const advice = `They work as they did before. If you did not expect this, revoke them in ${org ? "the organization's" : 'your'} token list and tell your administrator.`;
  const text = [
    greeting,
    '',
    intro,
    '',
    ...listed.map((token) => `- "${token}"`),
    ...(more > 0 ? [`- and ${more} more`] : []),
    '',
    scopeLine,
    advice,
    '',
  ].join('\n');
  const items = new SafeHtml(
    [
      ...listed.map((token) => html`<li><strong>${token}</strong></li>`.value),
      ...(more > 0 ? [html`<li>and ${more} more</li>`.value] : []),
    ].join(''),
  );
  const body = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>${greeting}</p>
        <p>${intro}</p>
        <ul>
          ${items}
        </ul>
        <p>${scopeLine}</p>
        <p>${advice}</p>
      </body>
    </html> `;
  // The subject stays fixed: a token's name is not a mail header's.
  const subject = org ? ORG_TOKENS_IMPORTED_SUBJECT : TOKENS_IMPORTED_SUBJECT;
  return { to, subject, text, html: body.value };
}
