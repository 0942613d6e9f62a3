import { startAuthentication } from '@simplewebauthn/browser';
import { api } from '../api.js';
import { field, h, status } from '../dom.js';
import { signedInAssertionOptions } from './passkey-ceremony.js';

interface Enrolled {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

/**
 * Asks the signed-in person to prove who they are again, in a modal dialog over the page:
 * their password, or (once they have one) their second factor. True once the API accepted
 * the proof, false when they cancelled; the action that needed it is then retried.
 */
export async function stepUpPrompt(): Promise<boolean> {
  const enrolled = await api<Enrolled>('GET', '/auth/mfa');
  const factor = enrolled.totp || enrolled.passkeys > 0;
  return new Promise((resolve) => {
    const outcome = status();
    const secret = factor
      ? h('input', {
          name: 'code',
          inputmode: 'numeric',
          autocomplete: 'one-time-code',
          maxlength: 7,
        })
      : h('input', {
          type: 'password',
          name: 'password',
          autocomplete: 'current-password',
          required: true,
        });
    const confirm = h('button', { type: 'submit' }, 'Confirm');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const passkey = h('button', { type: 'button', class: 'secondary' }, 'Use a passkey');
    const form = h(
      'form',
      { method: 'dialog', class: 'step-up' },
      h('h2', { id: 'step-up-title' }, 'Confirm it is you'),
      h(
        'p',
        {},
        'This action needs a recent proof of who you are. It is asked again after a few minutes.',
      ),
      !factor || enrolled.totp ? field(factor ? 'Authentication code' : 'Password', secret) : null,
      h(
        'div',
        { class: 'actions' },
        !factor || enrolled.totp ? confirm : null,
        enrolled.passkeys > 0 ? passkey : null,
        cancel,
      ),
      outcome,
    );
    const dialog = h('dialog', { 'aria-labelledby': 'step-up-title' }, form);
    document.body.append(dialog);
    const close = (ok: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    const prove = (body: Record<string, unknown>) =>
      api('POST', '/auth/step-up', body, { retry: false })
        .then(() => close(true))
        .catch((error: unknown) => outcome.show('error', (error as Error).message));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      confirm.disabled = true;
      void prove(factor ? { code: secret.value } : { password: secret.value }).finally(
        () => (confirm.disabled = false),
      );
    });
    passkey.addEventListener('click', () => {
      passkey.disabled = true;
      signedInAssertionOptions()
        .then((optionsJSON) => startAuthentication({ optionsJSON }))
        .then((credential) => prove({ passkey: credential }))
        .catch((error: unknown) => outcome.show('error', (error as Error).message))
        .finally(() => (passkey.disabled = false));
    });
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', () => close(false));
    dialog.showModal();
  });
}
