import { publicPost } from '../api.js';
import { field, h, status } from '../dom.js';

export function forgotPage(): HTMLElement {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Send reset link');
  const form = h(
    'form',
    { class: 'card narrow' },
    h('h1', { tabindex: -1 }, 'Forgotten password'),
    h(
      'p',
      {},
      'Enter the email address of your account. If it exists, a link to set a new password is mailed to it.',
    ),
    field('Email', email),
    submit,
    outcome,
    h('p', {}, h('a', { href: '/console/sign-in' }, 'Back to sign in')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    publicPost('/auth/password-reset/request', { email: email.value })
      .then(() =>
        outcome.show(
          'ok',
          'If an account exists for that address, a link is on its way. It works once and expires soon.',
        ),
      )
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (submit.disabled = false));
  });
  return h('section', {}, form);
}

/** Where the mailed link lands: `/console/reset-password#token=…` (a fragment is never sent to a server). */
export function resetPage(): HTMLElement {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  // Out of the address bar and history: the link is as good as a password until used.
  if (location.hash) history.replaceState(null, '', location.pathname);
  const heading = h('h1', { tabindex: -1 }, 'Set a new password');
  if (!token) {
    return h(
      'section',
      { class: 'card narrow' },
      heading,
      h(
        'p',
        { class: 'status error', role: 'alert' },
        'This page needs the link from the reset mail.',
      ),
      h('p', {}, h('a', { href: '/console/forgot-password' }, 'Ask for a new link')),
    );
  }
  const password = h('input', {
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
  const submit = h('button', { type: 'submit' }, 'Set password');
  const form = h(
    'form',
    { class: 'card narrow' },
    heading,
    field('New password', password, '8 to 128 characters.'),
    field('New password again', again),
    submit,
    outcome,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (password.value !== again.value) return outcome.show('error', 'The two passwords differ.');
    submit.disabled = true;
    publicPost('/auth/password-reset/confirm', { token, newPassword: password.value })
      .then(() => {
        form.replaceChildren(
          heading,
          h(
            'p',
            { class: 'status ok', role: 'status' },
            'Your password is set. Every session of your account was signed out.',
          ),
          h('p', {}, h('a', { href: '/console/sign-in' }, 'Sign in')),
        );
      })
      .catch((error: unknown) => {
        outcome.show(
          'error',
          `${(error as Error).message}. Ask for a new link if this one was used or expired.`,
        );
        submit.disabled = false;
      });
  });
  return h('section', {}, form);
}
