import { api } from '../api.js';
import { field, h, status } from '../dom.js';
import type { Org, OrgPolicy, Scope } from '../types.js';

/** The organization's policy on its tokens: shown to members, edited by admins. */
export function orgPolicySection(
  org: Org,
  scopes: Scope[],
  changed: (org: Org) => void,
): HTMLElement {
  const policy: OrgPolicy = org.policy;
  const admin = org.role !== 'member';
  const maxDays = h('input', {
    type: 'number',
    name: 'maxTokenDays',
    min: 1,
    inputmode: 'numeric',
    value: policy.maxTokenDays ?? '',
    disabled: !admin,
  });
  const pinned = h('input', {
    type: 'checkbox',
    name: 'requireIpAllowlist',
    checked: policy.requireIpAllowlist === true,
    disabled: !admin,
  });
  const boxes = scopes.map((scope) =>
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        name: 'allowedScopes',
        value: scope.name,
        checked: policy.allowedScopes?.includes(scope.name) ?? false,
        disabled: !admin,
      }),
      h('code', {}, scope.name),
    ),
  );
  const perMinute = h('input', {
    type: 'number',
    name: 'perMinute',
    min: 1,
    inputmode: 'numeric',
    value: policy.rateLimit?.perMinute ?? '',
    disabled: !admin,
  });
  const perHour = h('input', {
    type: 'number',
    name: 'perHour',
    min: 1,
    inputmode: 'numeric',
    value: policy.rateLimit?.perHour ?? '',
    disabled: !admin,
  });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Save policy');
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'policy-title' },
    h('h2', { id: 'policy-title' }, 'Token policy'),
    h(
      'p',
      { class: 'hint' },
      'Checked when an organization token is made, rotated or changed. Tokens made before a tightening keep working and are listed as out of policy.',
    ),
    field('Longest lifetime in days (optional)', maxDays),
    h(
      'label',
      { class: 'check' },
      pinned,
      ' Every token must name the addresses it may be used from',
    ),
    h('fieldset', {}, h('legend', {}, 'Allowed scopes (none ticked: any)'), boxes),
    h(
      'fieldset',
      { class: 'row' },
      h('legend', {}, 'One rate limit shared by all its tokens (optional)'),
      field('Per minute', perMinute),
      field('Per hour', perHour),
    ),
    admin ? submit : h('p', { class: 'hint' }, 'Only its admins change the policy.'),
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next: OrgPolicy = {};
    if (maxDays.value) next.maxTokenDays = Number(maxDays.value);
    if (pinned.checked) next.requireIpAllowlist = true;
    const allowed = boxes.map((box) => box.querySelector('input')!).filter((box) => box.checked);
    if (allowed.length > 0) next.allowedScopes = allowed.map((box) => box.value);
    if (perMinute.value || perHour.value) {
      next.rateLimit = {
        ...(perMinute.value ? { perMinute: Number(perMinute.value) } : {}),
        ...(perHour.value ? { perHour: Number(perHour.value) } : {}),
      };
    }
    submit.disabled = true;
    api<Org>('PATCH', `/orgs/${org.id}`, { policy: next })
      .then((saved) => {
        outcome.show('ok', 'Policy saved.');
        changed(saved);
      })
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  return form;
}
