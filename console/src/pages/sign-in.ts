import { ApiFailure, signIn } from '../api.js';
import { field, h, status } from '../dom.js';
import { passkeySignInButton, secondFactorForm } from '../mfa/second-factor.js';

export function signInPage(done: (path: string) => Promise<void> | void): HTMLElement {
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const outcome = status();
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', tabindex: -1 }, 'Sign in'),
    field('Email', email),
    field('Password', password),
    submit,
    outcome,
    h('p', {}, h('a', { href: '/console/forgot-password' }, 'Forgot your password?')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    signIn(email.value, password.value)
      .then((challenge) =>
        challenge
          ? form.replaceWith(secondFactorForm(challenge, () => done('/tokens')))
          : done('/tokens'),
      )
      .catch((error: unknown) => {
        const tooMany = error instanceof ApiFailure && error.status === 429;
        outcome.show(
          'error',
          tooMany ? 'Too many attempts: wait a minute and try again.' : (error as Error).message,
        );
        password.select();
      })
      .finally(() => (submit.disabled = false));
  });
  return h(
    'section',
    {},
    form,
    passkeySignInButton(() => done('/tokens')),
  );
}
