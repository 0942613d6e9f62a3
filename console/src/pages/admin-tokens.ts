import { api } from '../api.js';
import { field, h, status, table, when } from '../dom.js';
import type { AdminToken, Page } from '../types.js';

const STATUSES = ['active', 'expired', 'revoked', 'all'] as const;

/**
 * Every user's API tokens (GET /admin/tokens): filter by status and "expiring within N days";
 * revoke one, or delete it for good (DELETE /admin/tokens/:id, with ?permanent=true).
 */
export async function adminTokensPage(): Promise<HTMLElement> {
  const statusFilter = h(
    'select',
    { name: 'status' },
    STATUSES.map((value) => h('option', { value }, value)),
  );
  const within = h('input', {
    type: 'number',
    name: 'expiringWithinDays',
    min: 1,
    max: 3650,
    inputmode: 'numeric',
  });
  const outcome = status();
  const results = h('div', {});
  const cursors: (string | null)[] = [null];
  let page = 0;

  const load = async () => {
    const query = new URLSearchParams({ status: statusFilter.value, limit: '20' });
    if (within.value) query.set('expiringWithinDays', within.value);
    if (cursors[page]) query.set('cursor', cursors[page]!);
    const result = await api<Page<AdminToken>>('GET', `/admin/tokens?${query.toString()}`);
    cursors[page + 1] = result.nextCursor;
    const revokedView = statusFilter.value === 'revoked';
    const head = ['Token', 'Owner', 'Status', revokedView ? 'Revoked' : 'Expires', 'Last used'];
    results.replaceChildren(
      result.items.length === 0
        ? h('p', {}, 'No tokens match.')
        : table(
            'API tokens of every user',
            [...head, 'Actions'],
            result.items.map((token) => tokenRow(token, revokedView, act)),
          ),
      pager(page, result.nextCursor, (step) => {
        page += step;
        void load().catch(show);
      }),
    );
  };
  const show = (error: unknown) => outcome.show('error', (error as Error).message);
  const act = (token: AdminToken, permanent: boolean) => {
    const question = permanent
      ? `Delete the token "${token.name}" of ${token.ownerEmail ?? token.userId} for good? It stops working at once and its row is deleted; the audit log keeps its events.`
      : `Revoke the token "${token.name}" of ${token.ownerEmail ?? token.userId}? Anything using it is refused from now on.`;
    if (!confirm(question)) return;
    api('DELETE', `/admin/tokens/${token.id}${permanent ? '?permanent=true' : ''}`)
      .then(load)
      .then(() =>
        outcome.show('ok', `Token "${token.name}" ${permanent ? 'deleted for good' : 'revoked'}.`),
      )
      .catch(show);
  };

  const form = h(
    'form',
    { class: 'card filters', role: 'search', 'aria-label': 'Filters' },
    h(
      'div',
      { class: 'grid' },
      field('Status', statusFilter),
      field('Expiring within (days)', within, 'Empty: any expiry'),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cursors.length = 1;
    page = 0;
    void load().catch(show);
  });
  await load();
  return h('div', {}, form, outcome, results);
}

function tokenRow(
  token: AdminToken,
  revokedView: boolean,
  act: (token: AdminToken, permanent: boolean) => void,
): HTMLTableRowElement {
  const actions = h('td', { class: 'actions' });
  if (token.status === 'active') {
    const revoke = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': `Revoke ${token.name}` },
      'Revoke',
    );
    revoke.addEventListener('click', () => act(token, false));
    actions.append(revoke);
  }
  const remove = h(
    'button',
    { type: 'button', class: 'danger', 'aria-label': `Delete ${token.name} for good` },
    'Delete',
  );
  remove.addEventListener('click', () => act(token, true));
  actions.append(remove);
  return h(
    'tr',
    { 'data-token-id': token.id },
    h(
      'th',
      { scope: 'row' },
      token.name,
      h('div', { class: 'hint' }, h('code', {}, `${token.prefix}…`)),
      h(
        'div',
        {},
        token.scopes.map((scope) => h('code', { class: 'scope' }, scope)),
      ),
    ),
    h('td', { title: token.userId }, token.ownerEmail ?? h('code', { class: 'id' }, token.userId)),
    h('td', {}, h('span', { class: `badge ${token.status}` }, token.status)),
    h('td', {}, revokedView ? when(token.revokedAt) : when(token.expiresAt, 'never')),
    h('td', {}, when(token.lastUsedAt, 'never')),
    actions,
  );
}

/** Previous / Next over cursor pages. */
export function pager(page: number, next: string | null, go: (step: 1 | -1) => void): HTMLElement {
  if (page === 0 && !next) return h('span', {});
  const previous = h(
    'button',
    { type: 'button', class: 'secondary', disabled: page === 0 },
    'Previous page',
  );
  const following = h(
    'button',
    { type: 'button', class: 'secondary', disabled: !next },
    'Next page',
  );
  previous.addEventListener('click', () => go(-1));
  following.addEventListener('click', () => go(1));
  return h('p', { class: 'buttons' }, previous, h('span', {}, `Page ${page + 1}`), following);
}
