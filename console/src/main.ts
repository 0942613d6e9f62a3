import { api, onStepUpNeeded, refresh, signOut, signedIn } from './api.js';
import { stepUpPrompt } from './mfa/step-up-prompt.js';
import { h } from './dom.js';
import { auditPage } from './pages/admin-audit.js';
import { jobsPage } from './pages/admin-jobs.js';
import { adminTokensPage } from './pages/admin-tokens.js';
import { usersPage } from './pages/admin-users.js';
import { invitationPage, invitationSignedOutPage, pendingInvitation } from './pages/invitation.js';
import { orgPage } from './pages/org.js';
import { orgsPage } from './pages/orgs.js';
import { forgotPage, resetPage } from './pages/password-reset.js';
import { passwordPage } from './pages/password.js';
import { securityPage } from './pages/security.js';
import { sessionsPage } from './pages/sessions.js';
import { signInPage } from './pages/sign-in.js';
import { registrationMode, signUpPage } from './pages/sign-up.js';
import { tokensPage } from './pages/tokens.js';
import type { Context, User } from './types.js';

const BASE = '/console';
type Render = (ctx: Context) => Promise<HTMLElement> | HTMLElement;

interface Route {
  title: string;
  render: Render;
  nav?: string;
  admin?: boolean;
}

/** Signed-in pages. */
const ROUTES: Record<string, Route> = {
  '/tokens': { title: 'API tokens', nav: 'Tokens', render: tokensPage },
  '/orgs': { title: 'Organizations', nav: 'Organizations', render: orgsPage },
  '/invitations': { title: 'Join an organization', render: invitationPage },
  '/sessions': { title: 'Sessions', nav: 'Sessions', render: sessionsPage },
  '/password': { title: 'Change password', nav: 'Password', render: passwordPage },
  '/security': { title: 'Two-step verification', nav: 'Security', render: securityPage },
  '/admin/users': { title: 'Users', nav: 'Users', admin: true, render: usersPage },
  '/admin/tokens': {
    title: 'All API tokens',
    nav: 'All tokens',
    admin: true,
    render: adminTokensPage,
  },
  '/admin/jobs': { title: 'Jobs', nav: 'Jobs', admin: true, render: jobsPage },
  '/admin/audit': { title: 'Audit log', nav: 'Audit log', admin: true, render: auditPage },
};

/** Pages for people who are not signed in. */
const PUBLIC: Record<
  string,
  { title: string; render: (done: (path: string) => Promise<void>) => HTMLElement }
> = {
  '/sign-in': { title: 'Sign in', render: (go) => signInPage(go) },
  '/sign-up': { title: 'Create an account', render: (go) => signUpPage(go) },
  '/forgot-password': { title: 'Forgotten password', render: () => forgotPage() },
  '/reset-password': { title: 'Set a new password', render: () => resetPage() },
};

/** `/orgs/:org`: one organization's page, the organization named in the path. */
function orgRoute(path: string): Route | null {
  const match = /^\/orgs\/([^/]+)$/.exec(path);
  if (!match) return null;
  const ref = decodeURIComponent(match[1]);
  return { title: 'Organization', render: (ctx) => orgPage(ctx, ref) };
}

let user: User | null = null;
/** A message for the next page shown (after sign-out). */
let notice: string | null = null;
/**
 * Counts navigations. A page still loading when the person moves on must not land over the
 * page they moved to: each render checks, after every wait, that no newer one began.
 */
let navigations = 0;

function pathOf(): string {
  const path = location.pathname.replace(/\/+$/, '');
  return path.startsWith(BASE) ? path.slice(BASE.length) || '/' : '/';
}

function go(path: string): void {
  history.pushState(null, '', BASE + path);
  void render();
}

async function loadUser(): Promise<void> {
  user = await api<User>('GET', '/auth/me');
}

function nav(current: string): void {
  const holder = document.getElementById('nav')!;
  if (!user) {
    // Signed out: a way to sign up where the server takes new accounts.
    holder.replaceChildren();
    void registrationMode().then((mode) => {
      if (mode === 'closed' || user) return;
      const target = current === '/sign-up' ? '/sign-in' : '/sign-up';
      holder.replaceChildren(
        h(
          'ul',
          {},
          h(
            'li',
            {},
            h(
              'a',
              { href: BASE + target },
              target === '/sign-up' ? 'Create an account' : 'Sign in',
            ),
          ),
        ),
      );
    });
    return;
  }
  const links = Object.entries(ROUTES)
    .filter(([, route]) => route.nav && (!route.admin || user!.role === 'admin'))
    .map(([path, route]) =>
      h(
        'li',
        {},
        h('a', { href: BASE + path, 'aria-current': path === current ? 'page' : null }, route.nav),
      ),
    );
  const out = h('button', { type: 'button', class: 'link', id: 'sign-out' }, 'Sign out');
  out.addEventListener('click', () => {
    void signOut().finally(() => {
      user = null;
      notice = 'You are signed out.';
      go('/sign-in');
    });
  });
  holder.replaceChildren(
    h('ul', {}, links),
    h('p', { class: 'who' }, h('span', {}, user.email), ' ', out),
  );
}

async function render(): Promise<void> {
  const current = ++navigations;
  const overtaken = () => current !== navigations;
  const main = document.getElementById('main')!;
  let path = pathOf();
  // An invitation link's token, taken out of the address before anything else runs.
  const invited = pendingInvitation();
  const publicPage = PUBLIC[path];
  if (!publicPage && !user && (signedIn() || (await refresh()))) {
    await loadUser().catch(() => (user = null));
  }
  if (overtaken()) return;
  if (path === '/invitations' && !user) {
    nav(path);
    document.title = 'Join an organization · Tessera';
    main.replaceChildren(invitationSignedOutPage());
    focusHeading(main);
    return;
  }
  if (path === '/sign-in' && user) path = '/tokens';
  if (publicPage && !(path === '/sign-in' && user)) {
    nav(path);
    document.title = `${publicPage.title} · Tessera`;
    main.replaceChildren(
      notice ? h('p', { class: 'status ok narrow', role: 'status' }, notice) : '',
      publicPage.render(async (next) => {
        await loadUser();
        // Signed in (or up) on the way to accepting an invitation: back to it.
        go(invited ? '/invitations' : next);
      }),
    );
    notice = null;
    focusHeading(main);
    return;
  }
  if (!user) {
    history.replaceState(null, '', `${BASE}/sign-in`);
    return render();
  }
  let route = ROUTES[path] ?? orgRoute(path);
  if (!route || (route.admin && user.role !== 'admin')) {
    path = '/tokens';
    history.replaceState(null, '', BASE + path);
    route = ROUTES[path];
  }
  nav(path.startsWith('/orgs/') ? '/orgs' : path);
  document.title = `${route.title} · Tessera`;
  main.replaceChildren(
    h('h1', { tabindex: -1 }, route.title),
    h('p', { class: 'loading' }, 'Loading…'),
  );
  try {
    const content = await route.render({ user, go });
    if (overtaken()) return;
    main.replaceChildren(h('h1', { tabindex: -1 }, route.title), content);
  } catch (error) {
    if (overtaken()) return;
    main.replaceChildren(
      h('h1', { tabindex: -1 }, route.title),
      h('p', { class: 'status error', role: 'alert' }, (error as Error).message),
    );
  }
  focusHeading(main);
}

/** After navigation, keyboard and screen-reader users land on the new page's heading. */
function focusHeading(main: HTMLElement): void {
  main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || url.hash) return;
  event.preventDefault();
  go(url.pathname.slice(BASE.length).replace(/\/+$/, '') || '/');
});
window.addEventListener('popstate', () => void render());
onStepUpNeeded(stepUpPrompt);
void render();
