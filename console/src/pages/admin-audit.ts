import { api } from '../api.js';
import { field, h, table, when } from '../dom.js';
import type { AuditEvent, Page } from '../types.js';
import { pager } from './admin-tokens.js';

const TARGET_TYPES = ['', 'token', 'session', 'user', 'job'];
/** Events a page: fewer on a phone, where each is a card of its own. */
const phone = () => matchMedia('(max-width: 40rem)').matches;
const pageSize = () => (phone() ? '10' : '25');

/** The audit log: people by email, tokens by name; ids on hover and in each event's details. */
export async function auditPage(): Promise<HTMLElement> {
  const action = h('input', {
    name: 'action',
    placeholder: 'token.revoked,token.rotated',
    autocomplete: 'off',
  });
  const targetType = h(
    'select',
    { name: 'targetType' },
    TARGET_TYPES.map((type) => h('option', { value: type }, type || 'any')),
  );
  const actorEmail = h('input', { type: 'email', name: 'actorEmail', autocomplete: 'off' });
  const ownerEmail = h('input', { type: 'email', name: 'ownerEmail', autocomplete: 'off' });
  const since = h('input', { type: 'datetime-local', name: 'since' });
  const until = h('input', { type: 'datetime-local', name: 'until' });
  const form = h(
    'form',
    { 'aria-label': 'Filters' },
    h(
      'div',
      { class: 'grid' },
      field('Actions', action, 'Comma-separated'),
      field('Target type', targetType),
      field('Done by (email)', actorEmail),
      field('Owner (email)', ownerEmail, 'Whose token, session or account it was'),
      field('From', since),
      field('Until', until),
    ),
    h('button', { type: 'submit' }, 'Filter'),
  );
  const results = h('div', { 'aria-live': 'polite' });
  // Cursors of the pages seen so far: Previous walks back through them.
  const cursors: (string | null)[] = [null];
  let page = 0;

  const query = (cursor: string | null) => {
    const params = new URLSearchParams({ limit: pageSize() });
    const add = (name: string, value: string) => value.trim() && params.set(name, value.trim());
    add('action', action.value);
    add('targetType', targetType.value);
    add('actorEmail', actorEmail.value);
    add('ownerEmail', ownerEmail.value);
    if (since.value) params.set('since', new Date(since.value).toISOString());
    if (until.value) params.set('until', new Date(until.value).toISOString());
    if (cursor) params.set('cursor', cursor);
    return params.toString();
  };
  const load = async () => {
    try {
      const result = await api<Page<AuditEvent>>('GET', `/admin/audit?${query(cursors[page])}`);
      cursors[page + 1] = result.nextCursor;
      results.replaceChildren(
        result.items.length === 0
          ? h('p', {}, 'No events match.')
          : table(
              'Audit events',
              ['When', 'Action', 'Done by', 'Target', 'Details'],
              result.items.map(row),
            ),
        pager(page, result.nextCursor, (step) => {
          page += step;
          void load();
        }),
      );
    } catch (error) {
      results.replaceChildren(
        h('p', { class: 'status error', role: 'alert' }, (error as Error).message),
      );
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cursors.length = 1;
    page = 0;
    void load();
  });
  await load();
  // Folded on a phone, where the events matter first.
  const filters = h(
    'details',
    { class: 'card filters', open: !phone() },
    h('summary', {}, 'Filters'),
    form,
  );
  return h('div', {}, filters, results);
}

function row(event: AuditEvent): HTMLTableRowElement {
  const { actor, target } = event;
  const who = actor.userId
    ? h('span', { title: `user ${actor.userId}` }, actor.email ?? 'deleted user')
    : 'system';
  const what = target.label ?? (target.id ? `${target.type} ${target.id.slice(0, 8)}…` : null);
  const ids: [string, string | null][] = [
    ['Event', event.id],
    ['Actor', actor.userId],
    ['Credential', actor.credentialId],
    ['Target', target.id],
    ['Owner', target.ownerId],
  ];
  const hasDetails = Object.keys(event.details).length > 0;
  return h(
    'tr',
    {},
    h('td', {}, when(event.occurredAt)),
    h('th', { scope: 'row' }, h('code', {}, event.action)),
    h(
      'td',
      {},
      who,
      h('div', { class: 'hint' }, [actor.via, actor.ip].filter(Boolean).join(' · ')),
    ),
    h(
      'td',
      {},
      h('span', { title: target.id ? `${target.type} ${target.id}` : target.type }, target.type),
      what ? h('div', {}, what) : null,
      target.ownerEmail && target.type !== 'user' && target.ownerId !== actor.userId
        ? h('div', { class: 'hint' }, `of ${target.ownerEmail}`)
        : null,
    ),
    h(
      'td',
      {},
      h(
        'details',
        {},
        h('summary', {}, hasDetails ? 'Details' : 'Ids'),
        h(
          'dl',
          { class: 'counts' },
          ids
            .filter(([, id]) => id)
            .flatMap(([name, id]) => [
              h('dt', {}, name),
              h('dd', {}, h('code', { class: 'id' }, id)),
            ]),
        ),
        hasDetails ? h('code', { class: 'details' }, JSON.stringify(event.details)) : null,
      ),
    ),
  );
}
