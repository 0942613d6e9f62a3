import { ApiFailure, publicPost, signIn } from '../api.js';
import { field, h, status } from '../dom.js';

export type RegistrationMode = 'open' | 'invite' | 'closed';

let mode: Promise<RegistrationMode> | null = null;

/**
 * Whether the server takes new accounts (GET /auth/registration, asked once). A server without
 * that route answers 404 and registers anyone: "open".
 */
export function registrationMode(): Promise<RegistrationMode> {
  mode ??= fetch('/api/v1/auth/registration', { credentials: 'omit' })
    .then(async (response) => {
      if (response.status === 404) return 'open';
      if (!response.ok) return 'closed';
      const body = (await response.json()) as { mode?: string };
      return body.mode === 'invite' || body.mode === 'closed' ? body.mode : 'open';
    })
    .catch((): RegistrationMode => 'closed');
  return mode;
}

export function signUpPage(done: (path: string) => Promise<void> | void): HTMLElement {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const name = h('input', { name: 'name', autocomplete: 'name', maxlength: 100 });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
  });
  const outcome = status();
  const intro = h('p', {}, 'Create an account, then make API tokens for your scripts.');
  const submit = h('button', { type: 'submit' }, 'Create account');
  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'sign-up-title' },
    h('h1', { id: 'sign-up-title', tabindex: -1 }, 'Create an account'),
    intro,
    field('Email', email),
    field('Name (optional)', name),
    field('Password', password, 'At least 8 characters; a few words are easy to remember.'),
    submit,
    outcome,
    h('p', {}, 'Have an account? ', h('a', { href: '/console/sign-in' }, 'Sign in')),
  );
  void registrationMode().then((current) => {
    if (current === 'invite') {
      intro.textContent =
        'Accounts are by invitation here: use the email address your invitation was sent to.';
    } else if (current === 'closed') {
      intro.textContent = 'This server does not take new accounts: ask an administrator.';
      submit.disabled = true;
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    const body: Record<string, string> = { email: email.value, password: password.value };
    if (name.value.trim()) body.name = name.value.trim();
    publicPost('/auth/register', body)
      .then(() => signIn(email.value, password.value))
      .then(() => done('/tokens'))
      .catch((error: unknown) => {
        // 403: registration closed, or no invitation for this address; the server says which.
        const tooMany = error instanceof ApiFailure && error.status === 429;
        outcome.show(
          'error',
          tooMany ? 'Too many attempts: wait a minute and try again.' : (error as Error).message,
        );
      })
      .finally(() => (submit.disabled = false));
  });
  return h('section', {}, form);
}
