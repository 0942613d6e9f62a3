import { api } from '../api.js';
import { field, h, status, table, when } from '../dom.js';
import type { Context, CreatedToken, Page, Scope, Token, TokenDefaults } from '../types.js';
import { usagePanel } from '../usage-charts.js';

export async function tokensPage(ctx: Context): Promise<HTMLElement> {
  const [scopes, defaults] = await Promise.all([
    api<Scope[]>('GET', '/scopes'),
    api<TokenDefaults>('GET', '/tokens/defaults'),
  ]);
  const listOutcome = status();
  const secret = h('div', { id: 'secret-holder' });
  const list = h('div', {});
  const filter = h(
    'select',
    { name: 'status' },
    ['active', 'expired', 'revoked', 'all'].map((value) => h('option', { value }, value)),
  );
  let cursor: string | null = null;

  const load = async (more = false) => {
    const query = new URLSearchParams({ status: filter.value, limit: '20' });
    if (more && cursor) query.set('cursor', cursor);
    const page = await api<Page<Token>>('GET', `/tokens?${query.toString()}`);
    cursor = page.nextCursor;
    const revokedView = filter.value === 'revoked';
    const rows = page.items.map((token) =>
      tokenRow(token, revokedView, showSecret, showUsage, (message) => {
        listOutcome.show('ok', message);
        void load();
      }),
    );
    const existing = more ? ([...list.querySelectorAll('tbody tr')] as HTMLTableRowElement[]) : [];
    const moreButton = cursor
      ? h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => void load(true) },
          'More tokens',
        )
      : null;
    list.replaceChildren(
      h(
        'div',
        {},
        existing.length + rows.length === 0
          ? h('p', {}, `No ${filter.value === 'all' ? '' : filter.value + ' '}tokens.`)
          : table(
              'Your API tokens',
              [
                'Name',
                'Scopes',
                'Status',
                'Last used',
                revokedView ? 'Revoked' : 'Expires',
                'Created',
                'Actions',
              ],
              [...existing, ...rows],
            ),
      ),
      h('div', {}, moreButton),
    );
  };
  const usageHolder = h('section', { id: 'usage-holder', 'aria-live': 'polite' });
  const showUsage = (token: Token) => {
    usagePanel(token).then(
      (panel) => {
        const close = h('button', { type: 'button', class: 'secondary' }, 'Close');
        close.addEventListener('click', () => usageHolder.replaceChildren());
        usageHolder.replaceChildren(h('h2', {}, `Usage of “${token.name}”`), panel, close);
        usageHolder.scrollIntoView({ block: 'nearest' });
      },
      (error: unknown) => listOutcome.show('error', (error as Error).message),
    );
  };
  const showSecret = (created: CreatedToken, verb: string) => {
    secret.replaceChildren(secretPanel(created, verb));
    secret.querySelector('input')?.focus();
    void load();
  };
  filter.addEventListener('change', () => {
    listOutcome.show('ok', '');
    void load();
  });
  await load();

  return h(
    'div',
    {},
    secret,
    createForm(scopes, defaults, ctx, showSecret),
    h(
      'section',
      { 'aria-labelledby': 'token-list-title' },
      h('h2', { id: 'token-list-title' }, 'Your tokens'),
      field('Show', filter),
      listOutcome,
      usageHolder,
      list,
    ),
  );
}

function createForm(
  scopes: Scope[],
  defaults: TokenDefaults,
  ctx: Context,
  done: (created: CreatedToken, verb: string) => void,
): HTMLElement {
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const description = h('input', { name: 'description', maxlength: 500, autocomplete: 'off' });
  const grantable = scopes.filter((scope) => !scope.adminOnly || ctx.user.role === 'admin');
  const boxes = grantable.map((scope) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'scopes', value: scope.name }),
      h('code', {}, scope.name),
      ' ',
      h('span', { class: 'hint' }, scope.description),
    ),
  );
  const days = h('input', {
    type: 'number',
    name: 'expiresInDays',
    min: 1,
    max: defaults.maxDays,
    // The server's default (TOKEN_DEFAULT_DAYS): what the API gives a token without an expiry.
    value: defaults.defaultDays,
    inputmode: 'numeric',
  });
  const ips = h('textarea', { name: 'allowedIps', rows: 2, spellcheck: false });
  const perMinute = h('input', { type: 'number', name: 'perMinute', min: 1, inputmode: 'numeric' });
  const perHour = h('input', { type: 'number', name: 'perHour', min: 1, inputmode: 'numeric' });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Create token');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'New token'),
    field('Name', name, 'What uses it, e.g. "CI deploys".'),
    field('Description (optional)', description),
    h('fieldset', {}, h('legend', {}, 'Scopes'), boxes),
    field(
      'Expires in days',
      days,
      defaults.defaultDays === null
        ? 'Empty: never expires.'
        : `Empty: ${defaults.defaultDays} days, this server's default.`,
    ),
    field(
      'Allowed addresses (optional)',
      ips,
      'IPv4/IPv6 addresses or CIDR blocks, one per line or comma-separated. Empty: any address.',
    ),
    h(
      'fieldset',
      { class: 'row' },
      h('legend', {}, 'Rate limit (optional, may only lower the server’s)'),
      field('Per minute', perMinute),
      field('Per hour', perHour),
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
    if (description.value.trim()) body.description = description.value.trim();
    if (days.value) body.expiresInDays = Number(days.value);
    const allowed = ips.value.split(/[\s,]+/).filter(Boolean);
    if (allowed.length > 0) body.allowedIps = allowed;
    if (perMinute.value || perHour.value) {
      body.rateLimit = {
        ...(perMinute.value ? { perMinute: Number(perMinute.value) } : {}),
        ...(perHour.value ? { perHour: Number(perHour.value) } : {}),
      };
    }
    submit.disabled = true;
    api<CreatedToken>('POST', '/tokens', body)
      .then((created) => {
        form.reset();
        outcome.show('ok', `Token "${created.name}" created.`);
        done(created, 'created');
      })
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

/** The one place the secret is ever shown. */
export function secretPanel(created: CreatedToken, verb: string): HTMLElement {
  const value = h('input', {
    id: 'new-token-secret',
    readonly: true,
    value: created.token,
    spellcheck: false,
    'aria-describedby': 'secret-warning',
  });
  const copied = status();
  const copy = h('button', { type: 'button', id: 'copy-secret' }, 'Copy');
  copy.addEventListener('click', () => {
    value.select();
    navigator.clipboard.writeText(created.token).then(
      () => copied.show('ok', 'Copied to the clipboard.'),
      () => copied.show('error', 'Copy it by hand: the text is selected.'),
    );
  });
  const close = h('button', { type: 'button', class: 'secondary' }, 'I have stored it');
  const panel = h(
    'section',
    { class: 'card secret', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title' }, `Token "${created.name}" ${verb}`),
    h(
      'p',
      { id: 'secret-warning', class: 'warning' },
      h('strong', {}, 'Copy it now: you will not see it again.'),
      ' Only a hash of it is kept, so neither you nor an administrator can read it later.',
    ),
    h(
      'div',
      { class: 'copy-row' },
      h('label', { for: 'new-token-secret', class: 'visually-hidden' }, 'New token'),
      value,
      copy,
    ),
    copied,
    close,
  );
  close.addEventListener('click', () => panel.remove());
  return panel;
}

function tokenRow(
  token: Token,
  revokedView: boolean,
  showSecret: (created: CreatedToken, verb: string) => void,
  showUsage: (token: Token) => void,
  done: (message: string) => void,
): HTMLTableRowElement {
  const actions = h('td', { class: 'actions' });
  if (token.status === 'active') {
    const revoke = h(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `Revoke ${token.name}` },
      'Revoke',
    );
    revoke.addEventListener('click', () => {
      if (!confirm(`Revoke "${token.name}"? Anything using it is refused from now on.`)) return;
      revoke.disabled = true;
      api('DELETE', `/tokens/${token.id}`).then(
        () => done(`Token "${token.name}" revoked: it is refused from now on.`),
        (error: unknown) => {
          alert((error as Error).message);
          revoke.disabled = false;
        },
      );
    });
    const grace = h('input', {
      type: 'number',
      min: 0,
      max: 604800,
      value: 0,
      inputmode: 'numeric',
      name: 'gracePeriodSeconds',
    });
    const rotate = h('button', { type: 'submit' }, 'Rotate');
    const rotateForm = h(
      'form',
      { class: 'inline' },
      field('Old secret works for (seconds)', grace),
      rotate,
    );
    rotateForm.addEventListener('submit', (event) => {
      event.preventDefault();
      rotate.disabled = true;
      api<CreatedToken>('POST', `/tokens/${token.id}/rotate`, {
        gracePeriodSeconds: Number(grace.value || 0),
      })
        .then((created) => showSecret(created, 'rotated'))
        .catch((error: unknown) => {
          alert((error as Error).message);
          rotate.disabled = false;
        });
    });
    actions.append(h('details', {}, h('summary', {}, 'Rotate…'), rotateForm), revoke);
  }
  const usage = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': `Usage of ${token.name}` },
    'Usage',
  );
  usage.addEventListener('click', () => showUsage(token));
  actions.prepend(usage);
  const ipNote =
    token.allowedIps.length > 0
      ? h('div', { class: 'hint' }, `From ${token.allowedIps.join(', ')}`)
      : null;
  return h(
    'tr',
    { 'data-token-id': token.id },
    h(
      'th',
      { scope: 'row' },
      token.name,
      h('div', { class: 'hint' }, h('code', {}, `${token.prefix}…`)),
      ipNote,
    ),
    h(
      'td',
      {},
      token.scopes.map((scope) => h('code', { class: 'scope' }, scope)),
    ),
    h('td', {}, h('span', { class: `badge ${token.status}` }, token.status)),
    h(
      'td',
      {},
      when(token.lastUsedAt, 'never'),
      token.lastUsedIp ? h('div', { class: 'hint' }, token.lastUsedIp) : null,
    ),
    h('td', {}, revokedView ? when(token.revokedAt) : when(token.expiresAt, 'never')),
    h('td', {}, when(token.createdAt)),
    actions,
  );
}
