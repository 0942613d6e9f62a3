import { api } from '../api.js';
import { field, h, status } from '../dom.js';

export function passwordPage(): HTMLElement {
  const current = h('input', {
    type: 'password',
    name: 'current-password',
    autocomplete: 'current-password',
    required: true,
  });
  const next = h('input', {
    type: 'password',
    name: 'new-password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
    maxlength: 128,
  });
  const again = h('input', {
    type: 'password',
    name: 'confirm-password',
    autocomplete: 'new-password',
    required: true,
  });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Change password');
  const form = h(
    'form',
    { class: 'card narrow' },
    field('Current password', current),
    field(
      'New password',
      next,
      '8 to 128 characters. Your other sessions are signed out; API tokens keep working.',
    ),
    field('New password again', again),
    submit,
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (next.value !== again.value) return outcome.show('error', 'The two new passwords differ.');
    submit.disabled = true;
    api('POST', '/auth/password', { currentPassword: current.value, newPassword: next.value })
      .then(() => {
        form.reset();
        outcome.show('ok', 'Password changed. Your other sessions were signed out.');
      })
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  return form;
}
