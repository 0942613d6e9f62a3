import { api } from '../api.js';
import { field, h, status, table, when } from '../dom.js';
import type { AdminUser, Context, Page } from '../types.js';

/** Users (GET/PATCH /admin/users…): find by email, change the role, disable, sign out. */
export async function usersPage(ctx: Context): Promise<HTMLElement> {
  const email = h('input', { type: 'search', name: 'email', autocomplete: 'off' });
  const outcome = status();
  const results = h('div', {});
  let cursor: string | null = null;
  const load = async (more = false) => {
    const params = new URLSearchParams({ limit: '25' });
    if (email.value.trim()) params.set('email', email.value.trim());
    if (more && cursor) params.set('cursor', cursor);
    const page = await api<Page<AdminUser>>('GET', `/admin/users?${params.toString()}`);
    cursor = page.nextCursor;
    const rows = page.items.map((user) => {
      const self = user.id === ctx.user.id;
      const role = h(
        'button',
        { type: 'button', class: 'secondary', disabled: self },
        user.role === 'admin' ? 'Make user' : 'Make admin',
      );
      role.addEventListener('click', () =>
        change(user, { role: user.role === 'admin' ? 'user' : 'admin' }),
      );
      const disable = h(
        'button',
        { type: 'button', class: user.disabled ? 'secondary' : 'danger', disabled: self },
        user.disabled ? 'Enable' : 'Disable',
      );
      disable.addEventListener('click', () => change(user, { disabled: !user.disabled }));
      const logout = h('button', { type: 'button', class: 'secondary' }, 'End sessions');
      logout.addEventListener('click', () => {
        api<{ revoked: number }>('POST', `/admin/users/${user.id}/logout-all`).then(
          ({ revoked }) => outcome.show('ok', `${revoked} session(s) of ${user.email} ended.`),
          (error: unknown) => outcome.show('error', (error as Error).message),
        );
      });
      return h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          user.email,
          user.name ? h('div', { class: 'hint' }, user.name) : null,
        ),
        h('td', {}, user.role),
        h(
          'td',
          {},
          h(
            'span',
            { class: `badge ${user.disabled ? 'revoked' : 'active'}` },
            user.disabled ? 'disabled' : 'active',
          ),
        ),
        h('td', {}, String(user.activeTokens)),
        h('td', {}, String(user.activeSessions)),
        h('td', {}, when(user.lastLoginAt, 'never')),
        h('td', { class: 'actions' }, role, disable, logout),
      );
    });
    results.replaceChildren(
      table(
        'Users',
        ['Email', 'Role', 'Status', 'Tokens', 'Sessions', 'Last login', 'Actions'],
        rows,
      ),
      h(
        'div',
        {},
        cursor
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => void load(true) },
              'More users',
            )
          : null,
      ),
    );
  };
  const change = (user: AdminUser, patch: Partial<Pick<AdminUser, 'role' | 'disabled'>>) => {
    api('PATCH', `/admin/users/${user.id}`, patch)
      .then(() => load())
      .then(
        () => outcome.show('ok', `${user.email} updated.`),
        (error: unknown) => outcome.show('error', (error as Error).message),
      );
  };
  const form = h(
    'form',
    { class: 'card filters', role: 'search' },
    field('Email contains', email),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  await load();
  return h('div', {}, form, outcome, results);
}
