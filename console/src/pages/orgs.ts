import { api } from '../api.js';
import { field, h, status, table, when } from '../dom.js';
import type { Context, Org } from '../types.js';

/** The caller's organizations. */
export async function myOrgs(): Promise<Org[]> {
  return (await api<{ items: Org[] }>('GET', '/orgs')).items;
}

/** The organization switcher: choosing one opens its page. */
export function orgSwitcher(orgs: Org[], ctx: Context, current?: string): HTMLElement {
  const select = h(
    'select',
    { id: 'org-switcher', name: 'org' },
    h('option', { value: '' }, current ? 'All organizations' : 'Choose an organization'),
    orgs.map((org) =>
      h(
        'option',
        { value: org.slug, selected: org.slug === current || org.id === current },
        org.name,
      ),
    ),
  );
  select.addEventListener('change', () => ctx.go(select.value ? `/orgs/${select.value}` : '/orgs'));
  return h('div', { class: 'switcher' }, field('Organization', select));
}

/** `/orgs`: the caller's organizations, and a new one. */
export async function orgsPage(ctx: Context): Promise<HTMLElement> {
  const orgs = await myOrgs();
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const slug = h('input', {
    name: 'slug',
    maxlength: 40,
    pattern: '[a-z0-9-]{3,40}',
    autocomplete: 'off',
    spellcheck: false,
  });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Create organization');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'new-org-title' },
    h('h2', { id: 'new-org-title' }, 'New organization'),
    field('Name', name, 'The company or team, e.g. "Acme".'),
    field('Slug (optional)', slug, 'In addresses: 3–40 of a–z, 0–9 and -. Empty: from the name.'),
    submit,
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    const body: Record<string, unknown> = { name: name.value };
    if (slug.value.trim()) body.slug = slug.value.trim();
    api<Org>('POST', '/orgs', body)
      .then((org) => ctx.go(`/orgs/${org.slug}`))
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  const rows = orgs.map((org) =>
    h(
      'tr',
      { 'data-org-id': org.id },
      h('th', { scope: 'row' }, h('a', { href: `/console/orgs/${org.slug}` }, org.name)),
      h('td', {}, h('code', {}, org.slug)),
      h('td', {}, h('span', { class: 'badge' }, org.role)),
      h('td', {}, when(org.createdAt)),
    ),
  );
  return h(
    'div',
    {},
    orgs.length > 0 ? orgSwitcher(orgs, ctx) : null,
    h(
      'section',
      { 'aria-labelledby': 'org-list-title' },
      h('h2', { id: 'org-list-title' }, 'Your organizations'),
      rows.length === 0
        ? h('p', {}, 'You belong to no organization yet: create one, or accept an invitation.')
        : table('Your organizations', ['Name', 'Slug', 'Your role', 'Created'], rows),
    ),
    form,
  );
}
