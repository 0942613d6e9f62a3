import type { MailMessage } from '../mail-transport.js';
import { html } from '../html.js';

export interface OrgInvitationMail {
  to: string;
  orgName: string;
  invitedBy: string | null;
  role: string;
  link: string;
  days: number;
}

/** The mail with an invitation link, as plain text and as HTML (every value escaped there). */
export function orgInvitationMail({
  to,
  orgName,
  invitedBy,
  role,
  link,
  days,
}: OrgInvitationMail): MailMessage {
  const who = invitedBy ? `${invitedBy} invites you` : 'You are invited';
  const text = [
    'Hello,',
    '',
    `${who} to join the organization "${orgName}" on Tessera as ${role}.`,
    `To accept, sign in as ${to} and open this link within ${days} days:`,
    '',
    link,
    '',
    'The link works once. If you did not expect this, ignore this mail.',
    '',
  ].join('\n');
  const body = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; line-height: 1.5">
        <p>Hello,</p>
        <p>
          ${who} to join the organization <strong>${orgName}</strong> on Tessera as ${role}. To
          accept, sign in as <strong>${to}</strong> and open this link within ${days} days:
        </p>
        <p><a href="${link}">Accept the invitation</a></p>
        <p>The link works once. If you did not expect this, ignore this mail.</p>
      </body>
    </html> `;
  return { to, subject: `Join ${orgName} on Tessera`, text, html: body.value };
}
