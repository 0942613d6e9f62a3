import { api } from '../api.js';
import { field, h, table, when } from '../dom.js';
import type { Page } from '../types.js';

interface AuditEvent {
  id: string;
  occurredAt: string;
  action: string;
  actor: {
    userId: string | null;
    via: string | null;
    credentialId: string | null;
    ip: string | null;
  };
  target: { type: string; id: string | null; ownerId: string | null };
  details: Record<string, unknown>;
}

const TARGET_TYPES = ['', 'token', 'session', 'user', 'job'];

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
  const actorId = h('input', { name: 'actorId', autocomplete: 'off', spellcheck: false });
  const ownerId = h('input', { name: 'ownerId', autocomplete: 'off', spellcheck: false });
  const targetId = h('input', { name: 'targetId', autocomplete: 'off', spellcheck: false });
  const since = h('input', { type: 'datetime-local', name: 'since' });
  const until = h('input', { type: 'datetime-local', name: 'until' });
  const form = h(
    'form',
    { class: 'card filters', 'aria-label': 'Filters' },
    h(
      'div',
      { class: 'grid' },
      field('Actions', action, 'Comma-separated'),
      field('Target type', targetType),
      field('Actor (user id)', actorId),
      field('Owner (user id)', ownerId),
      field('Target id', targetId),
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
    const params = new URLSearchParams({ limit: '25' });
    const add = (name: string, value: string) => value.trim() && params.set(name, value.trim());
    add('action', action.value);
    add('targetType', targetType.value);
    add('actorId', actorId.value);
    add('ownerId', ownerId.value);
    add('targetId', targetId.value);
    if (since.value) params.set('since', new Date(since.value).toISOString());
    if (until.value) params.set('until', new Date(until.value).toISOString());
    if (cursor) params.set('cursor', cursor);
    return params.toString();
  };
  const load = async () => {
    try {
      const result = await api<Page<AuditEvent>>('GET', `/admin/audit?${query(cursors[page])}`);
      cursors[page + 1] = result.nextCursor;
      const previous = h(
        'button',
        { type: 'button', class: 'secondary', disabled: page === 0 },
        'Previous page',
      );
      const next = h(
        'button',
        { type: 'button', class: 'secondary', disabled: !result.nextCursor },
        'Next page',
      );
      previous.addEventListener('click', () => {
        page--;
        void load();
      });
      next.addEventListener('click', () => {
        page++;
        void load();
      });
      results.replaceChildren(
        result.items.length === 0
          ? h('p', {}, 'No events match.')
          : table(
              'Audit events',
              ['When', 'Action', 'Actor', 'Target', 'Details'],
              result.items.map((event) =>
                h(
                  'tr',
                  {},
                  h('td', {}, when(event.occurredAt)),
                  h('th', { scope: 'row' }, h('code', {}, event.action)),
                  h(
                    'td',
                    {},
                    event.actor.userId ? h('code', { class: 'id' }, event.actor.userId) : 'system',
                    h(
                      'div',
                      { class: 'hint' },
                      [event.actor.via, event.actor.ip].filter(Boolean).join(' · '),
                    ),
                  ),
                  h(
                    'td',
                    {},
                    event.target.type,
                    event.target.id
                      ? h('div', {}, h('code', { class: 'id' }, event.target.id))
                      : null,
                  ),
                  h(
                    'td',
                    {},
                    Object.keys(event.details).length
                      ? h('code', { class: 'details' }, JSON.stringify(event.details))
                      : '',
                  ),
                ),
              ),
            ),
        h('p', { class: 'buttons' }, previous, h('span', {}, `Page ${page + 1}`), next),
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
  return h('div', {}, form, results);
}
