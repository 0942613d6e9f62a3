import { api } from '../api.js';
import { h } from '../dom.js';
import type { Context, Org, Scope } from '../types.js';
import { invitationsSection, membersSection } from './org-members.js';
import { orgPolicySection } from './org-policy.js';
import { orgTokensSection } from './org-tokens.js';
import { orgUsageSection } from './org-usage.js';
import { myOrgs, orgSwitcher } from './orgs.js';

/** `/orgs/:org`: one organization's members, invitations, tokens and policy. */
export async function orgPage(ctx: Context, ref: string): Promise<HTMLElement> {
  const [org, orgs, scopes] = await Promise.all([
    api<Org>('GET', `/orgs/${encodeURIComponent(ref)}`),
    myOrgs(),
    api<Scope[]>('GET', '/scopes'),
  ]);
  document.title = `${org.name} · Tessera`;
  const admin = org.role !== 'member';
  // What an org token may hold: a scope its maker may grant.
  const grantable = scopes.filter((scope) => !scope.adminOnly || ctx.user.role === 'admin');
  const tokens = h('div', {}, orgTokensSection(org, grantable));
  return h(
    'div',
    {},
    orgSwitcher(orgs, ctx, org.slug),
    h(
      'p',
      { class: 'org-summary' },
      h('strong', {}, org.name),
      ' ',
      h('code', {}, org.slug),
      ' · your role: ',
      h('span', { class: 'badge' }, org.role),
    ),
    membersSection(org, ctx),
    admin ? invitationsSection(org) : null,
    tokens,
    orgUsageSection(org),
    orgPolicySection(org, grantable, (saved) =>
      // Tokens out of the new policy are marked at once.
      tokens.replaceChildren(orgTokensSection({ ...org, ...saved, role: org.role }, grantable)),
    ),
  );
}
