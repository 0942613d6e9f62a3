import { ApiFailure, api } from '../api.js';
import { h, status } from '../dom.js';
import type { Context, Membership } from '../types.js';

const KEY = 'tessera.invitation';

/**
 * The invitation's token, taken out of the address (`#token=…`) on arrival and kept for this
 * tab only, so that signing in or signing up first leads back here.
 */
export function pendingInvitation(): string | null {
  const match = /[#&]token=([^&]+)/.exec(location.hash);
  if (location.pathname.replace(/\/+$/, '') === '/console/invitations' && match) {
    sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem(KEY);
}

/** Signed out: what to do first. */
export function invitationSignedOutPage(): HTMLElement {
  const held = pendingInvitation();
  return h(
    'section',
    { class: 'card narrow', 'aria-labelledby': 'invitation-title' },
    h('h1', { id: 'invitation-title', tabindex: -1 }, 'Join an organization'),
    held
      ? h(
          'p',
          {},
          'You were invited to an organization. Sign in with the email address the invitation was sent to, or create an account with it, and you will come back here to accept.',
        )
      : h(
          'p',
          { class: 'status error', role: 'alert' },
          'This page needs the link from the invitation mail.',
        ),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: '/console/sign-in', class: 'button' }, 'Sign in'),
      ' ',
      h('a', { href: '/console/sign-up', class: 'button secondary' }, 'Create an account'),
    ),
  );
}

/** Signed in: accept the invitation held for this tab. */
export function invitationPage(ctx: Context): HTMLElement {
  const token = pendingInvitation();
  const outcome = status();
  if (!token) {
    outcome.show('error', 'No invitation to accept here: open the link from the invitation mail.');
    return h('div', {}, outcome);
  }
  const accept = h('button', { type: 'button', id: 'accept-invitation' }, 'Accept the invitation');
  const decline = h('button', { type: 'button', class: 'secondary' }, 'Not now');
  accept.addEventListener('click', () => {
    accept.disabled = true;
    api<Membership>('POST', '/invitations/accept', { token })
      .then((membership) => {
        sessionStorage.removeItem(KEY);
        ctx.go(`/orgs/${membership.slug}`);
      })
      .catch((error: unknown) => {
        const code = error instanceof ApiFailure ? error.status : 0;
        if (code === 400 || code === 409) sessionStorage.removeItem(KEY);
        outcome.show(
          'error',
          code === 400
            ? 'This invitation link is invalid, used already or expired: ask for a new one.'
            : code === 403
              ? `This invitation is for another email address: you are signed in as ${ctx.user.email}. Sign out and sign in (or sign up) with the invited address.`
              : code === 409
                ? 'You are a member of this organization already.'
                : (error as Error).message,
        );
      });
  });
  decline.addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    ctx.go('/orgs');
  });
  return h(
    'section',
    { class: 'card narrow' },
    h('p', {}, `You were invited to an organization. Accept as ${ctx.user.email}?`),
    h('p', { class: 'actions' }, accept, ' ', decline),
    outcome,
  );
}
