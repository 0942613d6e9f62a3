import { api } from '../api.js';
import { field, h, reloadThenShow, status, table, when } from '../dom.js';
import type { CreatedToken, Org, Page, Scope, Token } from '../types.js';
import { secretPanel } from './tokens.js';

/**
 * An organization's API tokens: listed for members (those outside the policy marked); made
 * (the secret shown once), rotated and revoked by admins.
 */
export function orgTokensSection(org: Org, scopes: Scope[]): HTMLElement {
  const base = `/orgs/${org.id}/tokens`;
  const admin = org.role !== 'member';
  const outcome = status();
  const secret = h('div', { id: 'secret-holder' });
  const list = h('div', {});
  const onlyOut = h('input', { type: 'checkbox', name: 'outOfPolicy' });
  const load = async () => {
    const [page, out] = await Promise.all([
      api<Page<Token>>('GET', `${base}?status=active&limit=100`),
      api<Page<Token>>('GET', `${base}?status=active&limit=100&outOfPolicy=true`),
    ]);
    const outside = new Set(out.items.map((token) => token.id));
    const shown = onlyOut.checked ? out.items : page.items;
    const rows = shown.map((token) =>
      tokenRow(token, outside.has(token.id), admin, base, showSecret, done),
    );
    list.replaceChildren(
      rows.length === 0
        ? h('p', {}, onlyOut.checked ? 'Every active token meets the policy.' : 'No active tokens.')
        : table(
            `${org.name}'s API tokens`,
            ['Name', 'Scopes', 'Policy', 'Last used', 'Expires', 'Actions'],
            rows,
          ),
    );
  };
  const done = reloadThenShow(outcome, load);
  const showSecret = (created: CreatedToken, verb: string) => {
    secret.replaceChildren(secretPanel(created, verb));
    secret.querySelector('input')?.focus();
    done(`Token "${created.name}" ${verb}.`);
  };
  onlyOut.addEventListener('change', () => done(''));
  void load().catch((error: unknown) => outcome.show('error', (error as Error).message));
  return h(
    'section',
    { 'aria-labelledby': 'org-tokens-title' },
    h('h2', { id: 'org-tokens-title' }, 'Organization tokens'),
    h(
      'p',
      { class: 'hint' },
      'They act for the organization, not a person: they keep working when whoever made them leaves.',
    ),
    secret,
    admin ? createForm(base, scopes, showSecret) : null,
    h(
      'label',
      { class: 'check' },
      onlyOut,
      ' Only tokens outside the policy (made before it was tightened)',
    ),
    outcome,
    list,
  );
}

function createForm(
  base: string,
  scopes: Scope[],
  done: (created: CreatedToken, verb: string) => void,
): HTMLElement {
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const boxes = scopes.map((scope) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'scopes', value: scope.name }),
      h('code', {}, scope.name),
      ' ',
      h('span', { class: 'hint' }, scope.description),
    ),
  );
  const days = h('input', { type: 'number', name: 'expiresInDays', min: 1, inputmode: 'numeric' });
  const ips = h('textarea', { name: 'allowedIps', rows: 2, spellcheck: false });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Create organization token');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'org-token-create-title' },
    h('h3', { id: 'org-token-create-title' }, 'New organization token'),
    field('Name', name, 'What uses it, e.g. "billing integration".'),
    h('fieldset', {}, h('legend', {}, 'Scopes'), boxes),
    field('Expires in days (optional)', days, "Empty: the server's default."),
    field(
      'Allowed addresses (optional)',
      ips,
      'IPv4/IPv6 addresses or CIDR blocks, one per line. Empty: any address.',
    ),
    submit,
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = boxes
      .map((box) => box.querySelector('input')!)
      .filter((box) => box.checked)
      .map((box) => box.value);
    if (chosen.length === 0) return outcome.show('error', 'Choose at least one scope.');
    const body: Record<string, unknown> = { name: name.value, scopes: chosen };
    if (days.value) body.expiresInDays = Number(days.value);
    const allowed = ips.value.split(/[\s,]+/).filter(Boolean);
    if (allowed.length > 0) body.allowedIps = allowed;
    submit.disabled = true;
    api<CreatedToken>('POST', base, body)
      .then((created) => {
        form.reset();
        outcome.show('ok', '');
        done(created, 'created');
      })
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

function tokenRow(
  token: Token,
  outside: boolean,
  admin: boolean,
  base: string,
  showSecret: (created: CreatedToken, verb: string) => void,
  done: (message: string) => void,
): HTMLTableRowElement {
  const actions = h('td', { class: 'actions' });
  if (admin) {
    const rotate = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': `Rotate ${token.name}` },
      'Rotate',
    );
    rotate.addEventListener('click', () => {
      if (!confirm(`Rotate "${token.name}"? Its old secret stops working at once.`)) return;
      rotate.disabled = true;
      api<CreatedToken>('POST', `${base}/${token.id}/rotate`, { gracePeriodSeconds: 0 })
        .then((created) => showSecret(created, 'rotated'))
        .catch((error: unknown) => {
          alert((error as Error).message);
          rotate.disabled = false;
        });
    });
    const revoke = h(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `Revoke ${token.name}` },
      'Revoke',
    );
    revoke.addEventListener('click', () => {
      if (!confirm(`Revoke "${token.name}"? Anything using it is refused from now on.`)) return;
      revoke.disabled = true;
      api('DELETE', `${base}/${token.id}`).then(
        () => done(`Token "${token.name}" revoked: it is refused from now on.`),
        (error: unknown) => {
          alert((error as Error).message);
          revoke.disabled = false;
        },
      );
    });
    actions.append(rotate, revoke);
  }
  return h(
    'tr',
    { 'data-token-id': token.id },
    h(
      'th',
      { scope: 'row' },
      token.name,
      h('div', { class: 'hint' }, h('code', {}, `${token.prefix}…`)),
    ),
    h(
      'td',
      {},
      token.scopes.map((scope) => h('code', { class: 'scope' }, scope)),
    ),
    h(
      'td',
      {},
      outside
        ? h('span', { class: 'badge revoked' }, 'out of policy')
        : h('span', { class: 'badge active' }, 'meets policy'),
    ),
    h('td', {}, when(token.lastUsedAt, 'never')),
    h('td', {}, when(token.expiresAt, 'never')),
    actions,
  );
}
