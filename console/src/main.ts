import { api, onStepUpNeeded, refresh, signOut, signedIn } from './api.js';
import { stepUpPrompt } from './mfa/step-up-prompt.js';
import { h } from './dom.js';
import { auditPage } from './pages/admin-audit.js';
import { jobsPage } from './pages/admin-jobs.js';
import { usersPage } from './pages/admin-users.js';
import { forgotPage, resetPage } from './pages/password-reset.js';
import { passwordPage } from './pages/password.js';
import { securityPage } from './pages/security.js';
import { sessionsPage } from './pages/sessions.js';
import { signInPage } from './pages/sign-in.js';
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
  '/sessions': { title: 'Sessions', nav: 'Sessions', render: sessionsPage },
  '/password': { title: 'Change password', nav: 'Password', render: passwordPage },
  '/security': { title: 'Two-step verification', nav: 'Security', render: securityPage },
  '/admin/users': { title: 'Users', nav: 'Users', admin: true, render: usersPage },
  '/admin/jobs': { title: 'Jobs', nav: 'Jobs', admin: true, render: jobsPage },
  '/admin/audit': { title: 'Audit log', nav: 'Audit log', admin: true, render: auditPage },
};

/** Pages for people who are not signed in. */
const PUBLIC: Record<
  string,
  { title: string; render: (done: (path: string) => Promise<void>) => HTMLElement }
> = {
  '/sign-in': { title: 'Sign in', render: (go) => signInPage(go) },
  '/forgot-password': { title: 'Forgotten password', render: () => forgotPage() },
  '/reset-password': { title: 'Set a new password', render: () => resetPage() },
};

let user: User | null = null;
let adminUsers = false;

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
  adminUsers = false;
  if (user.role === 'admin') {
    // The admin users API arrives in a later release: show its page only where it answers.
    adminUsers = await api('GET', '/admin/users?limit=1').then(
      () => true,
      () => false,
    );
  }
}

function nav(current: string): void {
  const holder = document.getElementById('nav')!;
  if (!user) {
    holder.replaceChildren();
    return;
  }
  const links = Object.entries(ROUTES)
    .filter(
      ([path, route]) =>
        !route.admin || (user!.role === 'admin' && (path !== '/admin/users' || adminUsers)),
    )
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
      go('/sign-in');
    });
  });
  holder.replaceChildren(
    h('ul', {}, links),
    h('p', { class: 'who' }, h('span', {}, user.email), ' ', out),
  );
}

async function render(): Promise<void> {
  const main = document.getElementById('main')!;
  let path = pathOf();
  const publicPage = PUBLIC[path];
  if (!publicPage && !user && (signedIn() || (await refresh()))) {
    await loadUser().catch(() => (user = null));
  }
  if (path === '/sign-in' && user) path = '/tokens';
  if (publicPage && !(path === '/sign-in' && user)) {
    nav(path);
    document.title = `${publicPage.title} · Tessera`;
    main.replaceChildren(
      publicPage.render(async (next) => {
        await loadUser();
        go(next);
      }),
    );
    focusHeading(main);
    return;
  }
  if (!user) {
    history.replaceState(null, '', `${BASE}/sign-in`);
    return render();
  }
  let route = ROUTES[path];
  if (!route || (route.admin && user.role !== 'admin')) {
    path = '/tokens';
    history.replaceState(null, '', BASE + path);
    route = ROUTES[path];
  }
  nav(path);
  document.title = `${route.title} · Tessera`;
  main.replaceChildren(
    h('h1', { tabindex: -1 }, route.title),
    h('p', { class: 'loading' }, 'Loading…'),
  );
  try {
    const content = await route.render({ user, adminUsers, go });
    main.replaceChildren(h('h1', { tabindex: -1 }, route.title), content);
  } catch (error) {
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
